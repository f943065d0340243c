package io.github.camelokki.okki;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.webhook.EventEnricher;
import io.github.camelokki.okki.internal.webhook.EventTypeFilter;
import io.github.camelokki.okki.internal.webhook.WebhookAnswers;
import io.github.camelokki.okki.internal.webhook.WebhookEvent;
import io.github.camelokki.okki.internal.webhook.WebhookPush;
import io.github.camelokki.okki.internal.webhook.WebhookRegistrar;
import io.github.camelokki.okki.internal.webhook.WebhookRejectedException;
import io.github.camelokki.okki.internal.webhook.WebhookSecrets;
import io.github.camelokki.okki.internal.webhook.WebhookVerifier;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.DefaultConsumer;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives OKKI's webhook pushes for {@link OkkiEventsEndpoint}. It serves the webhook path through Camel's platform-http
 * (whatever engine the runtime brings) and, for each POST: checks size, signature and timestamp, decrypts, skips what
 * was already processed, and hands each wanted {@code biz} entry to the route as its own exchange, synchronously. It
 * acknowledges the push only when every entry went through the route; otherwise it answers 500 so OKKI redelivers.
 * The checks and codecs live in the {@code webhook} package; this class is the Camel glue.
 */
public class OkkiWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OkkiWebhookConsumer.class);
    private static final String JSON = "application/json; charset=UTF-8";
    /** The header camel-platform-http-vertx sets to the peer's socket address; other engines do not set it. */
    static final String VERTX_REMOTE_ADDRESS = "CamelVertxPlatformHttpRemoteAddress";

    private final OkkiWebhookConfiguration conf;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private Clock clock = Clock.systemUTC();
    private WebhookSecrets secrets;
    /** Null until the secrets are known: pushes that arrive while the consumer starts are answered 503. */
    private volatile WebhookVerifier verifier;
    private EventTypeFilter filter;
    private IdempotentRepository repository;
    private boolean ownRepository;
    private EventEnricher enricher;
    private Consumer httpConsumer;

    public OkkiWebhookConsumer(OkkiEventsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.conf = endpoint.getWebhook();
    }

    @Override
    public OkkiEventsEndpoint getEndpoint() {
        return (OkkiEventsEndpoint) super.getEndpoint();
    }

    /**
     * Starts in named steps, with every local check before the only remote side effect: a start that fails leaves
     * OKKI's webhook registration as it was. The HTTP route is served from before the registration (answering 503
     * until the secrets are known, which OKKI retries), so that nothing is registered that no server answers. A
     * failure after the first side effect needs no clean-up of its own: Camel stops a consumer whose start failed,
     * and doStop ends the HTTP route and the repository (WebhookStartOrderTest checks both).
     */
    @Override
    protected void doStart() throws Exception {
        super.doStart();
        WebhookSecrets configured = checkOptions();
        WebhookRegistrar registrar = conf.isRegister() ? registrar() : null;
        prepareProcessing();
        httpConsumer = serveHttp();
        secrets = registrar == null ? configured : register(registrar, configured);
        acceptPushes();
    }

    /** Step 1, local only: the options make sense together; returns the configured secrets. */
    private WebhookSecrets checkOptions() {
        if ((conf.isEnrich() || conf.isRegister()) && getEndpoint().client() == null) {
            throw new IllegalArgumentException(kind() + " with " + (conf.isRegister() ? "register" : "enrich")
                    + "=true calls OKKI: set the connection options (clientId, clientSecret) on the component or"
                    + " the endpoint.");
        }
        WebhookSecrets configured = WebhookSecrets.parse(conf.getSecurityConfig(),
                Duration.ofMillis(conf.getSecretGracePeriod()), clock);
        if (!conf.isRegister() && !configured.isConfigured()) {
            throw new IllegalArgumentException(kind() + " needs securityConfig, the security_config OKKI returned"
                    + " from webhook/create, on the endpoint or the component (camel.component.okki.security-config),"
                    + " or register=true on a first registration, which receives it.");
        }
        filter = EventTypeFilter.of(conf.getEventTypes());
        return configured;
    }

    /** Step 2, local only: the registrar for register=true, once its options are known to be usable. */
    private WebhookRegistrar registrar() {
        if (conf.getCallbackUrl() == null || conf.getCallbackUrl().isBlank()) {
            throw new IllegalArgumentException(kind() + " with register=true needs callbackUrl, the public URL OKKI"
                    + " posts to.");
        }
        return new WebhookRegistrar(getEndpoint().client());
    }

    /**
     * Step 3: what handling a push needs, the repository of processed events (the idempotentRepository option or an
     * in-memory one) and the enricher.
     */
    private void prepareProcessing() {
        ownRepository = conf.getIdempotentRepository() == null;
        repository = ownRepository ? MemoryIdempotentRepository.memoryIdempotentRepository(conf.getIdempotentCacheSize())
                : conf.getIdempotentRepository();
        ServiceHelper.startService(repository);
        enricher = conf.isEnrich() ? new EventEnricher(getEndpoint().client()) : null;
    }

    /**
     * Step 4: serves the webhook path through platform-http; fails naming what to add when no HTTP server is there
     * (Camel's message, quoted, names only an internal registry entry).
     */
    private Consumer serveHttp() throws Exception {
        try {
            Endpoint http = getEndpoint().getCamelContext()
                    .getEndpoint("platform-http:" + path() + "?httpMethodRestrict=POST");
            Consumer consumer = http.createConsumer(this::handle);
            ServiceHelper.startService(consumer);
            return consumer;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                String message = String.valueOf(t.getMessage());
                // Camel 4.17 and later: no PlatformHttpEngine found; Camel 4.14 with camel-platform-http-vertx but no
                // Vert.x HTTP server: no platform-http-router-<port> bean
                if (message.contains("PlatformHttpEngine") || message.contains("platform-http-router")) {
                    throw new IllegalStateException(kind() + " is served through Camel's platform-http, but this"
                            + " application has no HTTP server for it. Add one: camel-platform-http-main with"
                            + " camel.server.enabled=true (Camel Main, port camel.server.port),"
                            + " camel-platform-http-starter (Spring Boot, on server.port), or camel-quarkus-platform-http"
                            + " (Quarkus), or bind a PlatformHttpEngine yourself. (" + t.getMessage() + ")");
                }
            }
            throw e;
        }
    }

    /**
     * Step 5, the only remote one, for register=true: registers the callback URL and subscriptions. OKKI hands out a
     * security_config only when it creates the webhook, so an existing webhook needs one configured: that is checked
     * with a read before anything is written. Returns the secrets to verify with.
     */
    private WebhookSecrets register(WebhookRegistrar registrar, WebhookSecrets configured) {
        String registered = registrar.currentCallback();
        if (registered != null && !configured.isConfigured()) {
            throw new IllegalArgumentException(kind() + " with register=true: OKKI already has a webhook ("
                    + registered + ") and hands out its security_config only when one is created; set securityConfig"
                    + " to it (or to the one webhook/regenerateSecret returns). Nothing was changed in OKKI.");
        }
        String issued = registrar.registerCallback(conf.getCallbackUrl(), registered);
        if (conf.getSubscriptions() != null) {
            Arrays.stream(conf.getSubscriptions().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(registrar::subscribe);
        }
        if (issued != null) {
            configured.rotate(issued);
        }
        return configured;
    }

    /** Step 6: the secrets are known, so pushes are verified and handled instead of answered 503. */
    private void acceptPushes() {
        verifier = new WebhookVerifier(secrets, Duration.ofMillis(conf.getTimestampTolerance()), conf.getMaxBodySize(),
                clock);
        LOG.info("{} receives OKKI pushes on POST {} (secrets: {})", kind(), path(), secrets);
    }

    private String path() {
        return getEndpoint().path();
    }

    private String kind() {
        return getEndpoint().kind();
    }

    @Override
    protected void doStop() throws Exception {
        ServiceHelper.stopService(httpConsumer);
        httpConsumer = null;
        if (ownRepository) {
            ServiceHelper.stopService(repository);
        }
        super.doStop();
    }

    /**
     * Makes a new security_config current (e.g. the one webhook/regenerateSecret returned) while the old one stays
     * accepted for secretGracePeriod: a rotation without downtime.
     */
    public void rotateSecret(String newSecurityConfig) {
        if (secrets == null) {
            throw new IllegalStateException(kind() + " has not started yet: set securityConfig instead");
        }
        secrets.rotate(newSecurityConfig);
        LOG.info("{} secret rotated; the previous one is accepted for another {}", kind(),
                Duration.ofMillis(conf.getSecretGracePeriod()));
    }

    /** For tests: the clock of the timestamp check and of the grace period. Set before the consumer starts. */
    void setClock(Clock clock) {
        this.clock = clock;
    }

    /** The repository of processed events in use (the configured one or the default in-memory one). */
    IdempotentRepository idempotentRepository() {
        return repository;
    }

    /** Handles one HTTP request of platform-http; always answers, never throws. */
    void handle(Exchange http) {
        Message in = http.getMessage();
        String messageId = null;
        int status;
        String answer;
        try {
            WebhookVerifier verifier = this.verifier;
            if (verifier == null) {
                throw new WebhookRejectedException(503, "starting", kind() + " is still starting");
            }
            verifier.checkDeclaredSize(in.getHeader("Content-Length", Long.class));
            byte[] raw = in.getBody(byte[].class);
            WebhookPush push = verifier.verify(raw == null ? new byte[0] : raw, in.getHeader("X-Timestamp", String.class),
                    in.getHeader("X-Signature", String.class));
            messageId = push.messageId();
            answer = deliver(push);
            status = 200;
        } catch (WebhookRejectedException e) {
            status = e.status();
            answer = WebhookAnswers.error(status, e.reason());
            LOG.warn("{} refused a push from {} with {}: {}", kind(), remote(in), status, e.getMessage());
        } catch (Busy e) {
            status = 503;
            answer = WebhookAnswers.error(status, "message is being processed");
            LOG.info("{}: push {} arrived again while still being processed; asked OKKI to retry later", kind(),
                    messageId);
        } catch (Exception e) {
            status = 500;
            answer = WebhookAnswers.error(status, "processing failed");
            LOG.warn("{} could not process push {}; answered 500 so OKKI redelivers it: {}", kind(), messageId,
                    e.toString());
        }
        in.removeHeaders("*");
        in.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        in.setHeader(Exchange.CONTENT_TYPE, JSON);
        in.setBody(answer);
    }

    /** Emits the wanted, not yet processed entries; returns the acknowledgement. */
    private String deliver(WebhookPush push) throws Exception {
        List<String> claimed = new ArrayList<>();
        boolean test = false;
        Object testData = null;
        try {
            for (WebhookEvent event : push.events()) {
                if (event.isTest()) {
                    test = true;
                    testData = event.data();
                }
                if (!filter.accepts(event.type())) {
                    LOG.debug("{}: {} of push {} is not wanted (eventTypes)", kind(), event.type(), push.messageId());
                    continue;
                }
                String key = push.key(event);
                if (!inFlight.add(key)) {
                    throw new Busy();
                }
                claimed.add(key);
                if (repository.contains(key)) {
                    LOG.debug("{}: {} of push {} was already processed; acknowledged again", kind(), event.type(),
                            push.messageId());
                    continue;
                }
                emit(push, event);
                repository.add(key);
                repository.confirm(key);
            }
        } finally {
            claimed.forEach(inFlight::remove);
        }
        return WebhookAnswers.ack(push.messageId(), test, testData);
    }

    private void emit(WebhookPush push, WebhookEvent event) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            Message m = exchange.getMessage();
            m.setHeader(OkkiConstants.EVENT_TYPE, event.type());
            m.setHeader(OkkiConstants.EVENT_MODULE, event.module());
            m.setHeader(OkkiConstants.EVENT_ACTION, event.action());
            m.setHeader(OkkiConstants.MESSAGE_ID, push.messageId());
            m.setHeader(OkkiConstants.EVENT_INDEX, event.index());
            m.setHeader(OkkiConstants.EVENT_TIMESTAMP, push.timestamp());
            m.setHeader(OkkiConstants.CLIENT_ID, getEndpoint().getConnection().getClientId());
            EventEnricher.recordId(event).ifPresent(id -> m.setHeader(OkkiConstants.RECORD_ID, id));
            Object body = event.data();
            if (enricher != null) {
                Optional<Object> record = enricher.fetch(event);
                if (record.isPresent()) {
                    m.setHeader(OkkiConstants.EVENT_DATA, event.data());
                    body = record.get();
                }
            }
            m.setBody(body instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : body);
            getProcessor().process(exchange);
            Exception failure = exchange.getException();
            if (failure != null) {
                throw failure;
            }
            if (exchange.isRollbackOnly() || exchange.isRollbackOnlyLast()) {
                throw new IllegalStateException("the route marked the exchange rollback-only");
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }

    /**
     * Who sent a request, for the log: the peer address Camel's Vert.x engine (Camel Main, Quarkus) reports, else,
     * on other engines (Spring Boot's servlet engine sets no such header), the client a proxy names in the standard
     * X-Forwarded-For header; only ever logged, never trusted.
     */
    static String remote(Message in) {
        Object peer = in.getHeader(VERTX_REMOTE_ADDRESS);
        if (peer != null) {
            return String.valueOf(peer);
        }
        String forwarded = in.getHeader("X-Forwarded-For", String.class);
        if (forwarded != null && !forwarded.isBlank()) {
            return forwarded.split(",")[0].strip() + " (X-Forwarded-For)";
        }
        return "an unknown address";
    }

    /** The same entry is being processed by another request (OKKI retried before the route finished). */
    private static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }

    /** Camel's form, with the endpoint's URI masked as the endpoint shows it. */
    @Override
    public String toString() {
        return "Consumer[" + getEndpoint() + "]";
    }

}
