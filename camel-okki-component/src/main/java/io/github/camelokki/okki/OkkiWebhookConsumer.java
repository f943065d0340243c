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

import io.github.camelokki.okki.webhook.EventEnricher;
import io.github.camelokki.okki.webhook.EventTypeFilter;
import io.github.camelokki.okki.webhook.WebhookAnswers;
import io.github.camelokki.okki.webhook.WebhookEvent;
import io.github.camelokki.okki.webhook.WebhookPush;
import io.github.camelokki.okki.webhook.WebhookRegistrar;
import io.github.camelokki.okki.webhook.WebhookRejectedException;
import io.github.camelokki.okki.webhook.WebhookSecrets;
import io.github.camelokki.okki.webhook.WebhookVerifier;
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
 * Receives OKKI's webhook pushes on {@code okki:events}. It serves {@code webhookPath} through Camel's platform-http
 * (whatever engine the runtime brings) and, for each POST: checks size, signature and timestamp, decrypts, skips what
 * was already processed, and hands each wanted {@code biz} entry to the route as its own exchange, synchronously. It
 * acknowledges the push only when every entry went through the route; otherwise it answers 500 so OKKI redelivers.
 * The checks and codecs live in the {@code webhook} package; this class is the Camel glue.
 */
public class OkkiWebhookConsumer extends DefaultConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OkkiWebhookConsumer.class);
    private static final String JSON = "application/json; charset=UTF-8";

    private final OkkiWebhookConfiguration conf;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    private Clock clock = Clock.systemUTC();
    private WebhookSecrets secrets;
    private WebhookVerifier verifier;
    private EventTypeFilter filter;
    private IdempotentRepository repository;
    private boolean ownRepository;
    private EventEnricher enricher;
    private Consumer httpConsumer;

    public OkkiWebhookConsumer(OkkiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.conf = endpoint.getWebhook();
    }

    @Override
    public OkkiEndpoint getEndpoint() {
        return (OkkiEndpoint) super.getEndpoint();
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        OkkiEndpoint endpoint = getEndpoint();
        if ((conf.isEnrich() || conf.isRegister()) && endpoint.client() == null) {
            throw new IllegalArgumentException("okki:events with " + (conf.isRegister() ? "register" : "enrich")
                    + "=true calls OKKI: set the connection options (clientId, clientSecret) on the component or"
                    + " the endpoint.");
        }
        String current = conf.getSecurityConfig();
        String previous = conf.getPreviousSecurityConfig();
        if (conf.isRegister()) {
            String issued = register();
            if (issued != null) {
                if (current != null && !current.equals(issued)) {
                    previous = current;
                }
                current = issued;
            }
        }
        if (current == null || current.isBlank()) {
            throw new IllegalArgumentException("okki:events needs securityConfig, the security_config OKKI returned"
                    + " from webhook/create (or register=true on a first registration, which receives it).");
        }
        Duration grace = Duration.ofMillis(conf.getSecretGracePeriod());
        secrets = new WebhookSecrets(current, previous, grace, clock);
        verifier = new WebhookVerifier(secrets, Duration.ofMillis(conf.getTimestampTolerance()), conf.getMaxBodySize(),
                clock);
        filter = EventTypeFilter.of(conf.getEventTypes());
        // the endpoint's idempotentRepository option, shared with the polling consumer: where delivered keys are kept
        OkkiConfiguration shared = endpoint.getConfiguration();
        ownRepository = shared.getIdempotentRepository() == null;
        repository = ownRepository ? MemoryIdempotentRepository.memoryIdempotentRepository(shared.getIdempotentCacheSize())
                : shared.getIdempotentRepository();
        ServiceHelper.startService(repository);
        enricher = conf.isEnrich() ? new EventEnricher(endpoint.client(), endpoint.requests()) : null;

        String path = conf.getWebhookPath().startsWith("/") ? conf.getWebhookPath() : "/" + conf.getWebhookPath();
        Endpoint http = endpoint.getCamelContext().getEndpoint("platform-http:" + path + "?httpMethodRestrict=POST");
        httpConsumer = http.createConsumer(this::handle);
        ServiceHelper.startService(httpConsumer);
        LOG.info("okki:events receives OKKI pushes on POST {} (secrets: {})", path, secrets);
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
            throw new IllegalStateException("okki:events has not started yet: set securityConfig instead");
        }
        secrets.rotate(newSecurityConfig);
        LOG.info("okki:events secret rotated; the previous one is accepted for another {}",
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

    private String register() {
        if (conf.getCallbackUrl() == null || conf.getCallbackUrl().isBlank()) {
            throw new IllegalArgumentException("okki:events with register=true needs callbackUrl, the public URL OKKI"
                    + " posts to.");
        }
        WebhookRegistrar registrar = new WebhookRegistrar(getEndpoint().client(), getEndpoint().requests());
        String issued = registrar.registerCallback(conf.getCallbackUrl());
        if (conf.getSubscriptions() != null) {
            Arrays.stream(conf.getSubscriptions().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(registrar::subscribe);
        }
        return issued;
    }

    /** Handles one HTTP request of platform-http; always answers, never throws. */
    void handle(Exchange http) {
        Message in = http.getMessage();
        String messageId = null;
        int status;
        String answer;
        try {
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
            LOG.warn("okki:events refused a push from {} with {}: {}", remote(in), status, e.getMessage());
        } catch (Busy e) {
            status = 503;
            answer = WebhookAnswers.error(status, "message is being processed");
            LOG.info("okki:events: push {} arrived again while still being processed; asked OKKI to retry later",
                    messageId);
        } catch (Exception e) {
            status = 500;
            answer = WebhookAnswers.error(status, "processing failed");
            LOG.warn("okki:events could not process push {}; answered 500 so OKKI redelivers it: {}", messageId,
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
                    LOG.debug("okki:events: {} of push {} is not wanted (eventTypes)", event.type(), push.messageId());
                    continue;
                }
                String key = push.key(event);
                if (!inFlight.add(key)) {
                    throw new Busy();
                }
                claimed.add(key);
                if (repository.contains(key)) {
                    LOG.debug("okki:events: {} of push {} was already processed; acknowledged again", event.type(),
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

    private static String remote(Message in) {
        Object host = in.getHeader("CamelVertxPlatformHttpRemoteAddress");
        return host == null ? "the network" : String.valueOf(host);
    }

    /** The same entry is being processed by another request (OKKI retried before the route finished). */
    private static final class Busy extends RuntimeException {
        Busy() {
            super(null, null, false, false);
        }
    }
}
