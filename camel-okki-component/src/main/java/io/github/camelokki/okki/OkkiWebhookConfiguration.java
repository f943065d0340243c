package io.github.camelokki.okki;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The webhook options of {@link OkkiEventsEndpoint} ({@code okki-events:}, and the older {@code okki:events}), the
 * consumer of OKKI's webhook pushes. A new webhook option goes here: it then shows in okki-events.json and in the
 * reference's okki-events option table, and in none of the operation endpoints'.
 */
@UriParams
public class OkkiWebhookConfiguration implements Cloneable {

    @UriParam(label = "consumer,webhook", secret = true,
              description = "The security_config OKKI returned when the webhook was created (webhook/create): the key"
                      + " of the signature check (its UTF-8 bytes) and, base64-decoded, of the AES-256-GCM decryption."
                      + " After a rotation (webhook/regenerateSecret), give the new one, a comma and the previous one:"
                      + " the previous one stays accepted for secretGracePeriod, so messages OKKI signed before the"
                      + " rotation and is still retrying are not lost. Required unless the component's"
                      + " securityConfig is set (the way to keep it out of URIs) or register=true creates the webhook"
                      + " and receives it.")
    private String securityConfig;

    @UriParam(label = "consumer,webhook", defaultValue = "10m", javaType = "java.time.Duration",
              description = "How long a previous security_config stays accepted: after the start when securityConfig"
                      + " names one after a comma, and after each rotation at runtime.")
    private long secretGracePeriod = 10 * 60 * 1000L;

    @UriParam(label = "consumer,webhook", defaultValue = "5m", javaType = "java.time.Duration",
              description = "How far X-Timestamp may be from this host's clock before a push is refused as a replay"
                      + " (401); 0 turns the check off.")
    private long timestampTolerance = 5 * 60 * 1000L;

    @UriParam(label = "consumer,webhook", defaultValue = "1048576",
              description = "The largest request body accepted, in bytes; a larger one is refused with 413.")
    private long maxBodySize = 1024 * 1024;

    @UriParam(label = "consumer,webhook",
              description = "The event types that reach the route: comma-separated patterns where * stands for any"
                      + " characters, e.g. xiaoman.crm.company.*,xiaoman.crm.order.delete. By default every CRM event"
                      + " (xiaoman.crm.*); OKKI's test callback (xiaoman.open.callback.test) is always answered and"
                      + " reaches the route only when a pattern names it. Filtered-out events are acknowledged.")
    private String eventTypes;

    @UriParam(label = "consumer,webhook",
              description = "Fetch the full record through the module's info operation (e.g. company/info) and put it"
                      + " in the body, the event's ids going to the CamelOkkiEventData header. Delete events, and modules"
                      + " without an info operation, keep the ids as the body. Needs the connection options (clientId ...).")
    private boolean enrich;

    @UriParam(label = "consumer,webhook",
              description = "At startup, register callbackUrl with OKKI (webhook/get, then webhook/create or"
                      + " webhook/update) and the subscriptions (subscribe/get, then subscribe/create or"
                      + " subscribe/update). When OKKI creates the webhook, the security_config it returns becomes the"
                      + " current secret. Needs the connection options (clientId ...).")
    private boolean register;

    @UriParam(label = "consumer,webhook",
              description = "The public HTTPS URL OKKI posts to (the address of webhookPath as seen from the internet),"
                      + " for register=true.")
    private String callbackUrl;

    @UriParam(label = "consumer,webhook",
              description = "The modules to subscribe to with register=true, comma-separated, e.g."
                      + " crm.company,crm.order; each gets its create, update and delete events.")
    private String subscriptions;

    @UriParam(label = "consumer", description = "Where the keys of processed events (message_id#index) are kept, so"
            + " that a push OKKI redelivers reaches the route once: an IdempotentRepository, e.g."
            + " FileIdempotentRepository or JdbcMessageIdRepository. By default the okki component's"
            + " idempotentRepository; without one, in memory, holding idempotentCacheSize keys.")
    private IdempotentRepository idempotentRepository;

    @UriParam(label = "consumer", defaultValue = "10000",
              description = "How many event keys the default in-memory repository keeps.")
    private int idempotentCacheSize = 10_000;

    public OkkiWebhookConfiguration copy() {
        try {
            return (OkkiWebhookConfiguration) clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    public String getSecurityConfig() {
        return securityConfig;
    }

    public void setSecurityConfig(String securityConfig) {
        this.securityConfig = securityConfig;
    }

    public long getSecretGracePeriod() {
        return secretGracePeriod;
    }

    public void setSecretGracePeriod(long secretGracePeriod) {
        this.secretGracePeriod = secretGracePeriod;
    }

    public long getTimestampTolerance() {
        return timestampTolerance;
    }

    public void setTimestampTolerance(long timestampTolerance) {
        this.timestampTolerance = timestampTolerance;
    }

    public long getMaxBodySize() {
        return maxBodySize;
    }

    public void setMaxBodySize(long maxBodySize) {
        this.maxBodySize = maxBodySize;
    }

    public String getEventTypes() {
        return eventTypes;
    }

    public void setEventTypes(String eventTypes) {
        this.eventTypes = eventTypes;
    }

    public boolean isEnrich() {
        return enrich;
    }

    public void setEnrich(boolean enrich) {
        this.enrich = enrich;
    }

    public boolean isRegister() {
        return register;
    }

    public void setRegister(boolean register) {
        this.register = register;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public void setCallbackUrl(String callbackUrl) {
        this.callbackUrl = callbackUrl;
    }

    public String getSubscriptions() {
        return subscriptions;
    }

    public void setSubscriptions(String subscriptions) {
        this.subscriptions = subscriptions;
    }

    public IdempotentRepository getIdempotentRepository() {
        return idempotentRepository;
    }

    public void setIdempotentRepository(IdempotentRepository idempotentRepository) {
        this.idempotentRepository = idempotentRepository;
    }

    public int getIdempotentCacheSize() {
        return idempotentCacheSize;
    }

    public void setIdempotentCacheSize(int idempotentCacheSize) {
        this.idempotentCacheSize = idempotentCacheSize;
    }
}
