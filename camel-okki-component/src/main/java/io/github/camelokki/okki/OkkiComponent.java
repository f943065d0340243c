package io.github.camelokki.okki;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelokki.okki.api.GrantType;
import io.github.camelokki.okki.internal.auth.Credentials;
import io.github.camelokki.okki.internal.auth.TokenEndpoint;
import io.github.camelokki.okki.internal.auth.TokenManager;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.client.OkkiClient;
import io.github.camelokki.okki.internal.client.UriParameters;
import io.github.camelokki.okki.internal.health.OkkiTokenHealthCheck;
import io.github.camelokki.okki.internal.transport.HttpTransport;
import io.github.camelokki.okki.internal.transport.RetryPolicy;
import io.github.camelokki.okki.internal.transport.TransportSettings;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;
import org.apache.camel.util.PropertiesHelper;
import org.apache.camel.util.URISupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code okki:} component. It owns what endpoints share: the pooled HTTP clients (one per distinct set of
 * connection options, normally exactly one) and the tokens (one per distinct set of credentials).
 */
@Component("okki")
public class OkkiComponent extends DefaultComponent {

    private static final Logger LOG = LoggerFactory.getLogger(OkkiComponent.class);
    static final String PARAM_PREFIX = "param.";

    @Metadata(description = "Options shared by every endpoint, each overridable in an endpoint URI.")
    private OkkiConfiguration configuration = new OkkiConfiguration();

    @Metadata(label = "consumer,webhook", secret = true,
              description = "The securityConfig of every okki-events endpoint (okki-events:, and okki:events) that"
                      + " does not set its own. Given here (camel.component.okki.security-config), the webhook secret"
                      + " appears in no endpoint URI, and so in none of the route definitions and endpoint lookups"
                      + " Camel logs at DEBUG and TRACE.")
    private String securityConfig;

    private final Map<TransportSettings, HttpTransport> transports = new ConcurrentHashMap<>();
    private final Map<Credentials, TokenManager> tokenManagers = new ConcurrentHashMap<>();
    /** This component's okki-tokens readiness check while it runs; null without camel-health. */
    private OkkiTokenHealthCheck tokenCheck;
    /** The started polling consumers, also those a wrapping consumer (master:) started without a route of their own. */
    private final Set<OkkiPollingConsumer> pollingConsumers = ConcurrentHashMap.newKeySet();
    private Clock clock = Clock.systemUTC();

    /** The generated list of endpoint options, which OKKI parameters given as plain options must not shadow. */
    private static final OkkiEndpointUriFactory ENDPOINT_OPTIONS = new OkkiEndpointUriFactory();
    /** The options generated as secret ({@code secret = true}) on both endpoint kinds, whatever their names. */
    static final Set<String> SECRET_OPTIONS = Stream.concat(ENDPOINT_OPTIONS.secretPropertyNames().stream(),
            new OkkiEventsEndpointUriFactory().secretPropertyNames().stream()).collect(Collectors.toUnmodifiableSet());
    /** A secret option and its value in an endpoint URI, plain or RAW(...)/RAW{...}. */
    private static final Pattern SECRET_IN_URI = Pattern.compile("([?&](?:"
            + SECRET_OPTIONS.stream().map(Pattern::quote).collect(Collectors.joining("|"))
            + ")=)(RAW\\([^)]*\\)|RAW\\{[^}]*}|[^&]*)", Pattern.CASE_INSENSITIVE);

    /** Whether Camel's own sanitizer was told the secret option names (false on Camel 4.14, see below). */
    static final boolean CAMEL_SANITIZER_EXTENDED;

    static {
        // Camel masks a URI option in its logs only when the option's name is on its list of sensitive words, which
        // "securityConfig" is not; every option generated as secret is added to that list, whatever its name.
        boolean extended;
        try {
            URISupport.addSanitizeKeywords(String.join(",", SECRET_OPTIONS));
            extended = true;
        } catch (NoSuchMethodError camel414) {
            // Camel 4.14 (the line camel-karaf ships) has no addSanitizeKeywords: its own list already holds
            // clientSecret, password and proxyPassword, not securityConfig; the component's URIs go through mask().
            extended = false;
        }
        CAMEL_SANITIZER_EXTENDED = extended;
    }

    /**
     * The URI with the value of every secret option masked. Camel's own sanitizer masks only one option of those it
     * was told about with addSanitizeKeywords (Camel 4.17 to 4.22 replace the first match), so endpoints and
     * consumers show their URIs through this.
     */
    static String mask(String uri) {
        return uri == null ? null : SECRET_IN_URI.matcher(URISupport.sanitizeUri(uri)).replaceAll("$1xxxxxx");
    }

    public OkkiComponent() {
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (OkkiEndpoint.EVENTS.equals(remaining)) {
            return olderEventsEndpoint(uri, parameters);
        }
        String[] parts = remaining.split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw new IllegalArgumentException("An okki endpoint reads okki:<resource>/<operation>, e.g."
                    + " okki:company/list, or okki-events:<path> for webhook pushes; not okki:" + remaining);
        }
        OkkiEndpoint endpoint = new OkkiEndpoint(uri, this, configuration.copy());
        endpoint.setResource(parts[0]);
        endpoint.setOperation(parts[1]);
        Map<String, Object> params = PropertiesHelper.extractProperties(parameters, PARAM_PREFIX);
        if (!"api".equals(parts[0])) {
            // an operation's own parameters may be plain options; okki:api has no catalog entry
            params = UriParameters.take(OperationCatalog.standard().require(parts[0], parts[1]), parameters, params,
                    ENDPOINT_OPTIONS.propertyNames(), ENDPOINT_OPTIONS.multiValuePrefixes().values());
        }
        endpoint.setParams(params);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /**
     * okki:events, the form okki-events: had before it was a scheme of its own: the same endpoint kind, with this
     * component's options as defaults and its webhookPath option as the path. Camel then sets the other options through
     * the okki-events endpoint's configurer, so they are exactly those of okki-events.
     */
    private Endpoint olderEventsEndpoint(String uri, Map<String, Object> parameters) {
        String path = getAndRemoveParameter(parameters, "webhookPath", String.class,
                OkkiEventsEndpoint.DEFAULT_WEBHOOK_PATH);
        return getCamelContext().getComponent("okki-events", OkkiEventsComponent.class).newEndpoint(uri, path, this);
    }

    /** A client for an endpoint's options, sharing the pool and the token with every endpoint of equal options. */
    OkkiClient client(OkkiConnectionConfiguration conf, String scope) {
        HttpTransport transport = transport(conf);
        RetryPolicy retry = retryPolicy(conf);
        Duration timeout = Duration.ofMillis(conf.getResponseTimeout());
        TokenManager tokens = tokenManagers.computeIfAbsent(credentials(conf),
                key -> new TokenManager(key, new TokenEndpoint(transport, retry, timeout, clock), clock));
        tokens.requireScope(scope);
        return new OkkiClient(transport, tokens, retry, timeout);
    }

    private HttpTransport transport(OkkiConnectionConfiguration conf) {
        if (conf.getHttpClient() != null) {
            return HttpTransport.wrap(conf.getHttpClient());
        }
        TransportSettings settings = new TransportSettings(Duration.ofMillis(conf.getConnectTimeout()),
                conf.getMaxConnections(), conf.getProxyHost(), conf.getProxyPort() == null ? -1 : conf.getProxyPort(),
                conf.getProxyUsername(), conf.getProxyPassword());
        return transports.computeIfAbsent(settings, s -> {
            LOG.debug("Creating a pooled HTTP client for OKKI: {}", s);
            return HttpTransport.create(s);
        });
    }

    static RetryPolicy retryPolicy(OkkiConnectionConfiguration conf) {
        return new RetryPolicy(conf.getMaxRetries(), Duration.ofMillis(conf.getRetryDelay()),
                Duration.ofMillis(conf.getRetryMaxDelay()), conf.isRetryWrites());
    }

    static Credentials credentials(OkkiConnectionConfiguration conf) {
        if (isBlank(conf.getClientId()) || isBlank(conf.getClientSecret())) {
            throw new IllegalArgumentException("OKKI needs clientId and clientSecret: set them on the component"
                    + " (camel.component.okki.client-id and camel.component.okki.client-secret) or on the endpoint.");
        }
        String passwordHash = null;
        if (conf.getGrantType() == GrantType.password) {
            if (isBlank(conf.getUsername()) || isBlank(conf.getPassword())) {
                throw new IllegalArgumentException("The password grant needs username and password: set them, or use"
                        + " grantType=client_credentials.");
            }
            passwordHash = Credentials.sha256Hex(conf.getPassword());
        }
        URI baseUrl;
        try {
            baseUrl = URI.create(conf.getBaseUrl().endsWith("/") ? conf.getBaseUrl() : conf.getBaseUrl() + "/");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("baseUrl is not a URL: " + conf.getBaseUrl(), e);
        }
        if (baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL, not " + conf.getBaseUrl());
        }
        return new Credentials(baseUrl, conf.getClientId(), conf.getClientSecret(), conf.getGrantType(),
                passwordHash == null ? null : conf.getUsername(), passwordHash,
                isBlank(conf.getScope()) ? null : conf.getScope().strip(),
                Duration.ofMillis(conf.getTokenLifetime()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // readiness of OKKI access (okki-tokens), when camel-health is on the classpath
        tokenCheck = OkkiTokenHealthCheck.register(getCamelContext(), tokenManagers::values);
        RunningComponents.of(getCamelContext()).add(this);
    }

    @Override
    protected void doStop() throws Exception {
        RunningComponents.of(getCamelContext()).remove(this);
        if (tokenCheck != null) {
            tokenCheck.unregister(getCamelContext());
            tokenCheck = null;
        }
        for (HttpTransport transport : transports.values()) {
            try {
                transport.close();
            } catch (IOException e) {
                LOG.debug("Closing an HTTP client failed", e);
            }
        }
        transports.clear();
        tokenManagers.clear();
        super.doStop();
    }

    /** The polling consumers running now, by route id; for consoles. */
    public List<OkkiPollingConsumer> getPollingConsumers() {
        return pollingConsumers.stream()
                .sorted(Comparator.comparing(c -> String.valueOf(c.getRouteId())))
                .toList();
    }

    void started(OkkiPollingConsumer consumer) {
        pollingConsumers.add(consumer);
    }

    void stopped(OkkiPollingConsumer consumer) {
        pollingConsumers.remove(consumer);
    }

    /** The token managers by credentials; for health checks, consoles and tests. */
    Map<Credentials, TokenManager> getTokenManagers() {
        return Map.copyOf(tokenManagers);
    }

    /** How many pooled HTTP clients the component holds; normally one. */
    int pooledClientCount() {
        return transports.size();
    }

    public OkkiConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(OkkiConfiguration configuration) {
        this.configuration = configuration;
    }

    public String getSecurityConfig() {
        return securityConfig;
    }

    public void setSecurityConfig(String securityConfig) {
        this.securityConfig = securityConfig;
    }

    /** The clock tokens are timed with; tests replace it to make time pass. */
    void setClock(Clock clock) {
        this.clock = clock;
    }
}
