package io.github.camelokki.okki;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.client.OkkiResponse;
import io.github.camelokki.okki.internal.health.ConsumerStats;
import io.github.camelokki.okki.internal.health.OkkiConsumerHealthCheck;
import io.github.camelokki.okki.internal.json.OkkiJson;
import io.github.camelokki.okki.internal.sync.Delivery;
import io.github.camelokki.okki.internal.sync.KeyStores;
import io.github.camelokki.okki.internal.sync.ListSync;
import io.github.camelokki.okki.internal.sync.RecordKeys;
import io.github.camelokki.okki.internal.sync.SyncOptions;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.HeadersMapFactory;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a list operation and delivers every new or changed record once: Camel glue around {@link ListSync}, which
 * decides what each poll reads and when the watermark moves. This class starts the state and key stores, builds an
 * exchange for each delivery, and makes stopping wait for the record in hand.
 */
public class OkkiPollingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OkkiPollingConsumer.class);
    /** How long stopping waits for the record being handled. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final OkkiEndpoint endpoint;
    private final Operation operation;
    private final OkkiConfiguration conf;
    private final SyncOptions options;
    private final Function<Object, Object> mapper;
    private final ConsumerStats stats = new ConsumerStats();
    /** The route whose wrapping consumer (master:) created this one; null when this is the route's own consumer. */
    private Route wrappingRoute;
    /** Fetches the next page while the current one is routed; null when readAhead=false. */
    private ExecutorService readAheadExecutor;
    /** The sync policy, created at start with the state and key stores. */
    private ListSync sync;
    /** The context's kind of headers map, which the page headers are built as. */
    private HeadersMapFactory headersMapFactory;
    /** Used by the polling thread only: one poll at a time. */
    private final PageHeaders pageHeaders = new PageHeaders();

    public OkkiPollingConsumer(OkkiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.operation = endpoint.resolvedOperation();
        this.conf = endpoint.getConfiguration();
        Class<?> type = conf.getOutputClass();
        this.mapper = type == null ? Function.identity() : data -> OkkiJson.convert(data, type);
        String idField = conf.getIdField() != null ? conf.getIdField()
                : OperationCatalog.standard().recordIdField(operation.resource());
        this.options = new SyncOptions(conf.getPageSize(), Duration.ofMillis(conf.getOverlap()), conf.getInitialSync(),
                idField, conf.isIncludeDeleted(), conf.getMaxSliceRecords(), conf.getReadAheadPages(),
                conf.isClaimBeforeRouting(), conf.isSplitResult());
        ListSync.check(operation, endpoint.getParams(), options);
    }

    @Override
    protected void doBuild() throws Exception {
        if (getRouteId() == null) {
            // created by a wrapping consumer, which does not say which route it is for
            wrappingRoute = delegatingRoute();
            setRouteId(wrappingRoute != null ? wrappingRoute.getRouteId() : null);
        }
        setHealthCheck(new OkkiConsumerHealthCheck(this, "consumer:" + getRouteId(), stats, this::getWatermark));
        super.doBuild();
    }

    /**
     * The route of an endpoint that delegates to ours, or null: a wrapping consumer such as master:'s creates this
     * consumer without telling it its route, which health checks and the dev console name it by.
     */
    private Route delegatingRoute() {
        for (Route route : getEndpoint().getCamelContext().getRoutes()) {
            if (route.getEndpoint() instanceof DelegateEndpoint delegating && delegating.getEndpoint() == endpoint) {
                return route;
            }
        }
        return null;
    }

    /**
     * Under a wrapping consumer (master:), Camel's consumer check of the route asks the wrapping consumer, which has
     * no check of its own: lends it ours while this consumer runs, so readiness shows the okki poll details on the
     * node that polls.
     */
    private void lendHealthCheck(boolean running) {
        if (wrappingRoute != null && wrappingRoute.getConsumer() instanceof HealthCheckAware wrapping) {
            if (running && wrapping.getHealthCheck() == null) {
                wrapping.setHealthCheck(getHealthCheck());
            } else if (!running && wrapping.getHealthCheck() == getHealthCheck()) {
                wrapping.setHealthCheck(null);
            }
        }
    }

    @Override
    protected void doStart() throws Exception {
        headersMapFactory = getEndpoint().getCamelContext().getCamelContextExtension().getHeadersMapFactory();
        StateRepository<String, String> state = conf.getStateRepository() != null ? conf.getStateRepository()
                : new MemoryStateRepository();
        IdempotentRepository delivered = conf.getIdempotentRepository() != null ? conf.getIdempotentRepository()
                : KeyStores.inMemory(conf.getIdempotentCacheSize());
        // Started here, not with the context: a node that takes over a clustered route must read the state as the
        // previous leader left it.
        ServiceHelper.startService(state, delivered);
        if (conf.isReadAhead() && operation.isPageable()) {
            readAheadExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "OkkiReadAhead", conf.getReadAheadPages());
        }
        // the default key store forgets on restart, a given state store may not: it then keeps what a resume needs
        boolean keepKeysWithState = conf.getIdempotentRepository() == null && conf.getStateRepository() != null;
        sync = new ListSync(operation, endpoint.getParams(), options, state, delivered, keepKeysWithState,
                readAheadExecutor, new SyncHost());
        sync.logReadMode();
        super.doStart();
        endpoint.getComponent().started(this);
        lendHealthCheck(true);
    }

    @Override
    protected void doSuspend() throws Exception {
        awaitRecordInHand();
        super.doSuspend();
    }

    @Override
    protected void doStop() throws Exception {
        endpoint.getComponent().stopped(this);
        lendHealthCheck(false);
        awaitRecordInHand();
        super.doStop();
        if (readAheadExecutor != null) {
            getEndpoint().getCamelContext().getExecutorServiceManager().shutdown(readAheadExecutor);
            readAheadExecutor = null;
        }
    }

    /**
     * Lets the record in hand finish and its key be stored before the consumer suspends or stops (see
     * {@link ListSync#awaitRecordInHand(long)}), then saves the keys a resume would meet again.
     */
    private void awaitRecordInHand() throws InterruptedException {
        if (sync == null) {
            return;
        }
        if (!sync.awaitRecordInHand(STOP_WAIT_SECONDS)) {
            LOG.warn("okki:{} is stopping while a record is still processed after {} s; it may be delivered again",
                    operation.uri(), STOP_WAIT_SECONDS);
        }
        sync.saveCheckpointKeys();
    }

    @Override
    protected int poll() throws Exception {
        return stats.poll(sync::poll);
    }

    private OkkiResponse fetch(Map<String, Object> params) {
        return endpoint.client().call(operation, params, null);
    }

    /**
     * Whether the poll may go on to another record or page: neither this consumer nor the context is stopping or
     * suspending. The context is asked too because a wrapping consumer (master:) may stop the route's processors
     * before it stops this one.
     */
    private boolean mayContinue() {
        return isRunAllowed() && !isSuspendingOrSuspended() && !getEndpoint().getCamelContext().isStopping();
    }

    /** Routes one delivery as one exchange; true when it completed, false when it failed (it is read again later). */
    private boolean route(Delivery delivery) {
        Exchange exchange = createExchange(false);
        Message message = exchange.getMessage();
        message.setHeaders(pageHeaders.copyFor(delivery));
        if (conf.isSplitResult()) {
            Object record = delivery.records().get(0);
            message.setBody(mapper.apply(record));
            message.setHeader(OkkiConstants.RECORD_ID, delivery.ids().get(0));
            message.setHeader(OkkiConstants.RECORD_KEY, delivery.keys().get(0));
            if (record instanceof Map<?, ?> map && map.get(RecordKeys.UPDATE_TIME) != null) {
                message.setHeader(OkkiConstants.UPDATE_TIME, String.valueOf(map.get(RecordKeys.UPDATE_TIME)));
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, delivery.index());
            if (delivery.size() != null) {
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, delivery.size());
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, delivery.complete());
        } else {
            message.setBody(delivery.records().stream().map(mapper).toList());
        }
        boolean ok = process(exchange);
        if (ok) {
            stats.delivered(delivery.records().size());
        } else {
            stats.deliveryFailed(delivery.records().size());
        }
        return ok;
    }

    /**
     * The headers every record of a page carries, built once per page: Camel's default headers map is a tree sorted
     * case-insensitively, where each header put is a search, and copying a built one is not. Per record, only its own
     * headers are put into the copy.
     */
    private final class PageHeaders {

        private String serverTime;
        private boolean deleted;
        private Map<String, Object> headers;

        Map<String, Object> copyFor(Delivery delivery) {
            if (headers == null || delivery.deleted() != deleted
                    || !Objects.equals(delivery.serverTime(), serverTime)) {
                serverTime = delivery.serverTime();
                deleted = delivery.deleted();
                headers = headersMapFactory.newMap();
                headers.put(OkkiConstants.OPERATION, operation.uri());
                headers.put(OkkiConstants.RESOURCE, operation.resource());
                headers.put(OkkiConstants.SERVER_TIME, serverTime);
                headers.put(OkkiConstants.DELETED, deleted);
                headers.put(OkkiConstants.CLIENT_ID, conf.getClientId());
            }
            return headersMapFactory.newMap(headers);
        }
    }

    /** Processes one exchange; true when it completed, false when it failed (it is then read again later). */
    private boolean process(Exchange exchange) {
        try {
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (!ok) {
            getExceptionHandler().handleException("okki:" + operation.uri() + " failed to deliver record "
                    + exchange.getMessage().getHeader(OkkiConstants.RECORD_ID) + "; it is read again on a later poll",
                    exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }

    /** The stored watermark, for health checks, consoles and tests; null before the first complete sync. */
    public LocalDateTime getWatermark() {
        return sync == null ? null : sync.watermark();
    }

    /** What this consumer did: polls, records delivered and failed, the last poll; for health checks and consoles. */
    ConsumerStats getStats() {
        return stats;
    }

    /** Camel's form, with the endpoint's URI masked as the endpoint shows it. */
    @Override
    public String toString() {
        return "Consumer[" + getEndpoint() + "]";
    }


    /**
     * What the sync asks of this consumer. A class of its own, so that the consumer's public methods stay Camel's
     * and no internal type becomes part of the public API.
     */
    private final class SyncHost implements ListSync.Host {

        @Override
        public OkkiResponse fetch(Map<String, Object> params) {
            return OkkiPollingConsumer.this.fetch(params);
        }

        @Override
        public boolean mayContinue() {
            return OkkiPollingConsumer.this.mayContinue();
        }

        @Override
        public boolean route(Delivery delivery) {
            return OkkiPollingConsumer.this.route(delivery);
        }
    }
}
