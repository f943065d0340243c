package io.github.camelokki.okki;

import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.client.OkkiClient;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.EndpointServiceLocation;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;
import org.apache.camel.support.DefaultEndpoint;

/**
 * Receive OKKI CRM's webhook pushes (create, update and delete events of customers, orders and more), verified and
 * decrypted, one exchange per event.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "okki-events", title = "OKKI CRM Events", syntax = "okki-events:webhookPath",
             consumerOnly = true, category = { Category.CLOUD, Category.SAAS, Category.API },
             headersClass = OkkiConstants.class)
public class OkkiEventsEndpoint extends DefaultEndpoint implements EndpointServiceLocation {

    /** The path of {@code okki:events} without a webhookPath option. */
    public static final String DEFAULT_WEBHOOK_PATH = "/okki/events";

    @UriPath(description = "The HTTP path, served through Camel's platform-http, that OKKI posts events to, e.g."
            + " /okki/events.")
    @Metadata(required = true)
    private String webhookPath;

    @UriParam
    private OkkiConnectionConfiguration connection;

    @UriParam
    private OkkiWebhookConfiguration webhook = new OkkiWebhookConfiguration();

    /** The okki component whose connection pool and tokens this endpoint uses. */
    private final OkkiComponent okki;
    private OkkiClient client;

    /** Takes its defaults from {@code okki}'s options: connection, securityConfig and idempotent repository. */
    OkkiEventsEndpoint(String uri, OkkiEventsComponent component, OkkiComponent okki) {
        super(uri, component);
        this.okki = okki;
        OkkiConfiguration shared = okki.getConfiguration();
        this.connection = shared.copy();
        webhook.setSecurityConfig(okki.getSecurityConfig());
        webhook.setIdempotentRepository(shared.getIdempotentRepository());
        webhook.setIdempotentCacheSize(shared.getIdempotentCacheSize());
    }

    /** The URI with every secret option masked, whatever its name. */
    @Override
    public String toString() {
        return OkkiComponent.mask(getEndpointUri());
    }

    @Override
    public Producer createProducer() {
        throw new IllegalArgumentException(kind() + " only receives OKKI's webhook pushes: use it in from(...)");
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        Consumer consumer = new OkkiWebhookConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    @Override
    protected void doInit() throws Exception {
        super.doInit();
        // Credentials are optional here: only enrichment and webhook registration call OKKI.
        if (connection.getClientId() != null) {
            client = okki.client(connection, null);
        }
    }

    /** How the user wrote this endpoint's kind, for messages: okki-events, or okki:events (the older form). */
    String kind() {
        return getEndpointUri().startsWith("okki:") ? "okki:" + OkkiEndpoint.EVENTS : "okki-events";
    }

    /** The client for calls to OKKI (enrichment, registration); null without credentials. */
    OkkiClient client() {
        return client;
    }

    /** The webhook path with its leading slash. */
    String path() {
        return webhookPath.startsWith("/") ? webhookPath : "/" + webhookPath;
    }

    /** For Camel's service registry and consoles: the OKKI host and app of enrichment and registration (no secrets). */
    @Override
    public String getServiceUrl() {
        return connection.getBaseUrl();
    }

    @Override
    public String getServiceProtocol() {
        return "http";
    }

    @Override
    public Map<String, String> getServiceMetadata() {
        return connection.getClientId() == null ? null : Map.of("clientId", connection.getClientId());
    }

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }

    public OkkiConnectionConfiguration getConnection() {
        return connection;
    }

    public void setConnection(OkkiConnectionConfiguration connection) {
        this.connection = connection;
    }

    public OkkiWebhookConfiguration getWebhook() {
        return webhook;
    }

    public void setWebhook(OkkiWebhookConfiguration webhook) {
        this.webhook = webhook;
    }
}
