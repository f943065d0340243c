package io.github.camelokki.okki;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import io.github.camelokki.okki.api.OkkiClient;
import io.github.camelokki.okki.api.OkkiResponse;
import io.github.camelokki.okki.api.RequestFactory;
import io.github.camelokki.okki.catalog.Operation;
import io.github.camelokki.okki.catalog.OperationCatalog;
import io.github.camelokki.okki.catalog.Paging;
import io.github.camelokki.okki.health.ConsumerStats;
import io.github.camelokki.okki.health.OkkiConsumerHealthCheck;
import io.github.camelokki.okki.json.OkkiJson;
import io.github.camelokki.okki.sync.KeyStores;
import io.github.camelokki.okki.sync.PollRun;
import io.github.camelokki.okki.sync.ReadAhead;
import io.github.camelokki.okki.sync.RecordKeys;
import io.github.camelokki.okki.sync.ServerTime;
import io.github.camelokki.okki.sync.Watermark;
import org.apache.camel.DelegateEndpoint;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.health.HealthCheckAware;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.ScheduledPollConsumer;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls a list operation and delivers every new or changed record once.
 * <p>
 * Lists with time filters are read incrementally: each poll asks for records updated since the watermark (less the
 * overlap), walks every page, skips record versions already delivered, and moves the watermark to OKKI's time at the
 * start of the poll only when the walk saw the whole window and every exchange completed. Lists without time filters
 * are read in full each poll and de-duplicated by content.
 */
public class OkkiPollingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OkkiPollingConsumer.class);
    private static final String INITIAL_ALL = "all";
    private static final String INITIAL_NOW = "now";
    /** How long stopping waits for the record being handled. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final OkkiEndpoint endpoint;
    private final Operation operation;
    private final OkkiConfiguration conf;
    private final boolean incremental;
    private final String deletedParameter;
    private final RecordKeys keys;
    private final Function<Object, Object> mapper;
    private StateRepository<String, String> stateRepository;
    private IdempotentRepository delivered;
    private Watermark watermark;
    /** Held from a record's exchange to the storing of its key, so that stopping never separates the two. */
    private final ReentrantLock handling = new ReentrantLock();
    private final ConsumerStats stats = new ConsumerStats();
    /** The route whose wrapping consumer (master:) created this one; null when this is the route's own consumer. */
    private Route wrappingRoute;
    /** Fetches the next page while the current one is routed; null when readAhead=false. */
    private ExecutorService readAheadExecutor;

    public OkkiPollingConsumer(OkkiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.operation = endpoint.resolvedOperation();
        this.conf = endpoint.getConfiguration();
        this.incremental = operation.parameter("start_time").isPresent();
        this.deletedParameter = operation.parameter("removed").or(() -> operation.parameter("is_delete"))
                .map(p -> p.name()).orElse(null);
        String idField = conf.getIdField() != null ? conf.getIdField()
                : OperationCatalog.standard().recordIdField(operation.resource());
        this.keys = new RecordKeys(operation.resource(), idField, incremental);
        Class<?> type = conf.getOutputClass();
        this.mapper = type == null ? Function.identity() : data -> OkkiJson.convert(data, type);
        if (conf.isIncludeDeleted() && deletedParameter == null) {
            throw new IllegalArgumentException("includeDeleted=true, but okki:" + operation.uri()
                    + " cannot list deleted records (it takes neither removed nor is_delete)");
        }
        if (incremental) {
            initialWatermark();
        }
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
        stateRepository = conf.getStateRepository() != null ? conf.getStateRepository() : new MemoryStateRepository();
        delivered = conf.getIdempotentRepository() != null ? conf.getIdempotentRepository()
                : KeyStores.inMemory(conf.getIdempotentCacheSize());
        // Started here, not with the context: a node that takes over a clustered route must read the state as the
        // previous leader left it.
        ServiceHelper.startService(stateRepository, delivered);
        watermark = new Watermark(stateRepository, stateKey());
        if (conf.isReadAhead() && operation.paging().style().pageable()) {
            readAheadExecutor = getEndpoint().getCamelContext().getExecutorServiceManager()
                    .newSingleThreadExecutor(this, "OkkiReadAhead");
        }
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
     * Lets the record in hand finish and its key be stored. Camel's graceful shutdown suspends or stops the consumer
     * and then waits for in-flight exchanges; between two records nothing is in flight, so without this the route
     * could be stopped under the next record, and under master: another node could take over and find a delivered
     * record without its key. The poll loop checks {@link #mayContinue()} while holding the same lock.
     */
    private void awaitRecordInHand() throws InterruptedException {
        if (handling.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            handling.unlock();
        } else {
            LOG.warn("okki:{} is stopping while a record is still processed after {} s; it may be delivered again",
                    operation.uri(), STOP_WAIT_SECONDS);
        }
    }

    /**
     * Whether the poll may go on to another record or page: neither this consumer nor the context is stopping or
     * suspending. The context is asked too because a wrapping consumer (master:) may stop the route's processors
     * before it stops this one.
     */
    private boolean mayContinue() {
        return isRunAllowed() && !isSuspendingOrSuspended() && !getEndpoint().getCamelContext().isStopping();
    }

    @Override
    protected int poll() throws Exception {
        return stats.poll(this::pollOnce);
    }

    private int pollOnce() throws Exception {
        Map<String, Object> params = new LinkedHashMap<>(endpoint.getParams());
        if (incremental && !window(params)) {
            return 0;
        }
        Walk live = walk(params, false);
        int count = live.deliveredCount;
        boolean complete = live.run.complete();
        LocalDateTime next = live.run.nextWatermark();
        if (conf.isIncludeDeleted() && mayContinue()) {
            Map<String, Object> deletedParams = new LinkedHashMap<>(params);
            deletedParams.put(deletedParameter, 1);
            Walk deleted = walk(deletedParams, true);
            count += deleted.deliveredCount;
            complete &= deleted.run.complete();
            next = earlier(next, deleted.run.nextWatermark());
        }
        if (incremental && complete && next != null) {
            LocalDateTime current = watermark.get().orElse(null);
            if (current == null || next.isAfter(current)) {
                watermark.set(next);
                LOG.debug("okki:{} watermark now {}", operation.uri(), ServerTime.format(next));
            }
        } else if (incremental) {
            LOG.debug("okki:{} keeps its watermark: the poll was incomplete or missed records, it reads the window again",
                    operation.uri());
        }
        return count;
    }

    /** Adds the time window to the parameters; false when there is nothing to read yet. */
    private boolean window(Map<String, Object> params) {
        LocalDateTime from = watermark.get().orElse(null);
        if (from == null && INITIAL_NOW.equalsIgnoreCase(conf.getInitialSync())) {
            OkkiResponse probe = fetch(params, 1, 1);
            LocalDateTime now = ServerTime.parse(probe.serverTime());
            if (now != null) {
                watermark.set(now);
                LOG.info("okki:{} starts syncing from OKKI's time {}", operation.uri(), probe.serverTime());
            }
            return false;
        }
        if (from == null && !INITIAL_ALL.equalsIgnoreCase(conf.getInitialSync())) {
            from = ServerTime.parse(conf.getInitialSync());
        }
        if (from != null) {
            params.put("start_time", ServerTime.format(from.minus(Duration.ofMillis(conf.getOverlap()))));
            params.remove("end_time");
            if (operation.parameter("time_type").isPresent()) {
                params.put("time_type", 1);
            }
        }
        return true;
    }

    private Walk walk(Map<String, Object> params, boolean deleted) throws Exception {
        Walk walk = new Walk();
        Paging paging = operation.paging();
        ReadAhead<Page> pages = new ReadAhead<>(n -> readPage(params, n, deleted), readAheadExecutor);
        long seen = 0;
        try {
            for (int n = 1; mayContinue(); n++) {
                Page page = pages.take(n);
                walk.run.answeredAt(ServerTime.parse(page.response().serverTime()));
                walk.run.total(page.response().total(paging));
                List<?> records = page.records();
                seen += records.size();
                Long total = walk.run.total();
                boolean last = records.isEmpty() || !paging.style().pageable()
                        || (total != null ? seen >= total : records.size() < conf.getPageSize());
                if (!last) {
                    pages.fetchAhead(n + 1);
                }
                deliver(page.fresh(walk.run, delivered), deleted, walk, last);
                if (last) {
                    walk.run.finished();
                    break;
                }
            }
        } finally {
            pages.discard();
        }
        return walk;
    }

    /** Fetches one page and works out its records' ids and keys; runs on the read-ahead thread when there is one. */
    private Page readPage(Map<String, Object> params, int page, boolean deleted) {
        OkkiResponse response = fetch(params, page, conf.getPageSize());
        List<?> records = response.records(operation.paging());
        List<Object> ids = new ArrayList<>(records.size());
        List<String> recordKeys = new ArrayList<>(records.size());
        for (Object record : records) {
            Object id = keys.id(record);
            ids.add(id);
            recordKeys.add(keys.key(record, id, deleted));
        }
        return new Page(response, records, ids, recordKeys);
    }

    private OkkiResponse fetch(Map<String, Object> params, int page, int size) {
        Map<String, Object> call = new LinkedHashMap<>(params);
        Paging.Style style = operation.paging().style();
        if (style.pageable()) {
            call.put(style.pageParam(), page);
            call.put(style.sizeParam(), size);
        }
        RequestFactory requests = endpoint.requests();
        OkkiClient client = endpoint.client();
        return client.call(operation, requests.build(operation, call, null));
    }

    private void deliver(Page fresh, boolean deleted, Walk walk, boolean lastPage) {
        List<?> records = fresh.records();
        OkkiResponse response = fresh.response();
        if (records.isEmpty()) {
            return;
        }
        if (!conf.isSplitResult()) {
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(records.stream().map(mapper).toList());
            common(exchange.getMessage(), response, deleted);
            handle(exchange, records, fresh.keys(), walk, response);
            return;
        }
        // OKKI's count for the window; versions delivered before are skipped, so fewer may arrive
        Integer batchSize = walk.run.total() != null ? walk.run.total().intValue() : null;
        for (int i = 0; i < records.size() && mayContinue(); i++) {
            Object record = records.get(i);
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setBody(mapper.apply(record));
            common(message, response, deleted);
            message.setHeader(OkkiConstants.RECORD_ID, fresh.ids().get(i));
            if (record instanceof Map<?, ?> map && map.get(RecordKeys.UPDATE_TIME) != null) {
                message.setHeader(OkkiConstants.UPDATE_TIME, String.valueOf(map.get(RecordKeys.UPDATE_TIME)));
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_INDEX, walk.batchIndex++);
            if (batchSize != null) {
                exchange.setProperty(ExchangePropertyKey.BATCH_SIZE, batchSize);
            }
            exchange.setProperty(ExchangePropertyKey.BATCH_COMPLETE, lastPage && i == records.size() - 1);
            if (!handle(exchange, List.of(record), List.of(fresh.keys().get(i)), walk, response)) {
                return;
            }
        }
    }

    /**
     * Processes one exchange carrying the given records and, once it completed, stores their keys (computed once, when
     * the page was read); a failure marks
     * them to be read again. False when the consumer is stopping and the exchange was not processed.
     */
    private boolean handle(Exchange exchange, List<?> records, List<String> recordKeys, Walk walk,
            OkkiResponse response) {
        handling.lock();
        try {
            if (!mayContinue()) {
                releaseExchange(exchange, false);
                return false;
            }
            if (process(exchange)) {
                recordKeys.forEach(delivered::add);
                walk.deliveredCount++;
                stats.delivered(records.size());
            } else {
                stats.deliveryFailed(records.size());
                LocalDateTime answeredAt = ServerTime.parse(response.serverTime());
                records.forEach(r -> walk.run.failed(keys.updateTime(r), answeredAt));
            }
            return true;
        } finally {
            handling.unlock();
        }
    }

    private void common(Message message, OkkiResponse response, boolean deleted) {
        message.setHeader(OkkiConstants.OPERATION, operation.uri());
        message.setHeader(OkkiConstants.RESOURCE, operation.resource());
        message.setHeader(OkkiConstants.SERVER_TIME, response.serverTime());
        message.setHeader(OkkiConstants.DELETED, deleted);
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

    private void initialWatermark() {
        String initial = conf.getInitialSync();
        if (!INITIAL_ALL.equalsIgnoreCase(initial) && !INITIAL_NOW.equalsIgnoreCase(initial)
                && ServerTime.parse(initial) == null) {
            throw new IllegalArgumentException("initialSync must be all, now or an OKKI time yyyy-MM-dd HH:mm:ss,"
                    + " not '" + initial + "'");
        }
    }

    /** The state key: the operation and its filters, so two endpoints with other filters keep their own watermark. */
    private String stateKey() {
        StringBuilder sb = new StringBuilder("okki:").append(operation.uri());
        new TreeMap<>(endpoint.getParams()).forEach((k, v) -> sb.append('|').append(k).append('=').append(v));
        return sb.toString();
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    /** The stored watermark, for health checks, consoles and tests; null before the first complete sync. */
    public LocalDateTime getWatermark() {
        return watermark == null ? null : watermark.get().orElse(null);
    }

    /** What this consumer did: polls, records delivered and failed, the last poll; for health checks and consoles. */
    public ConsumerStats getStats() {
        return stats;
    }

    /** One page as read: OKKI's answer, its records, and each record's id and de-duplication key. */
    private record Page(OkkiResponse response, List<?> records, List<Object> ids, List<String> keys) {

        /** The records whose keys the repository does not hold yet; notes every id as seen by the walk. */
        Page fresh(PollRun run, IdempotentRepository delivered) {
            List<Object> freshRecords = new ArrayList<>(records.size());
            List<Object> freshIds = new ArrayList<>(records.size());
            List<String> freshKeys = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                run.saw(ids.get(i));
                if (!delivered.contains(keys.get(i))) {
                    freshRecords.add(records.get(i));
                    freshIds.add(ids.get(i));
                    freshKeys.add(keys.get(i));
                }
            }
            return new Page(response, freshRecords, freshIds, freshKeys);
        }
    }

    /** One walk over the pages: what it saw and how many exchanges it completed. */
    private static final class Walk {
        final PollRun run = new PollRun();
        int deliveredCount;
        int batchIndex;
    }
}
