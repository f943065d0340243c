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
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import io.github.camelokki.okki.api.OkkiClient;
import io.github.camelokki.okki.api.OkkiResponse;
import io.github.camelokki.okki.api.RequestFactory;
import io.github.camelokki.okki.catalog.ChangeTracking;
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
import io.github.camelokki.okki.sync.SlicePlan;
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
 * Lists whose window the catalog knows to filter on the update time ({@link ChangeTracking}) are read incrementally:
 * each poll asks for records updated since the watermark (less the overlap), with the list's own selector
 * ({@code time_type=1}, {@code sort_field=update_time}), walks every page, skips record versions already delivered,
 * and moves the watermark to OKKI's time at the start of the poll only when the walk saw the whole window and every
 * exchange completed. Every other list (no time filter, or one whose time the spec leaves open) is read in full each
 * poll and de-duplicated by content; its watermark only records the last complete read.
 */
public class OkkiPollingConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OkkiPollingConsumer.class);
    private static final String INITIAL_ALL = "all";
    private static final String INITIAL_NOW = "now";
    /** Admits no record: a first read that only stores what it finds as seen. */
    private static final Predicate<Object> NONE = record -> false;
    /** How long stopping waits for the record being handled. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final OkkiEndpoint endpoint;
    private final Operation operation;
    private final OkkiConfiguration conf;
    /** How the list tracks changes; null for lists without a time window. */
    private final ChangeTracking changes;
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
        this.changes = operation.changes();
        this.incremental = changes != null && changes.incremental();
        this.deletedParameter = operation.deletedFlag().orElse(null);
        String idField = conf.getIdField() != null ? conf.getIdField()
                : OperationCatalog.standard().recordIdField(operation.resource());
        this.keys = new RecordKeys(operation.resource(), idField, incremental);
        Class<?> type = conf.getOutputClass();
        this.mapper = type == null ? Function.identity() : data -> OkkiJson.convert(data, type);
        if (conf.isIncludeDeleted() && deletedParameter == null) {
            throw new IllegalArgumentException("includeDeleted=true, but okki:" + operation.uri()
                    + " cannot list deleted records (it takes neither removed nor is_delete)");
        }
        checkInitialSync();
        if (conf.getReadAheadPages() < 1 || conf.getMaxSliceRecords() < 1) {
            throw new IllegalArgumentException("readAheadPages and maxSliceRecords must be at least 1, not "
                    + conf.getReadAheadPages() + " and " + conf.getMaxSliceRecords());
        }
        if (changes != null) {
            refuseOtherWindows(endpoint.getParams());
        }
    }

    /**
     * Fails when the user's parameters turn the list's window to another time than the update time: an incremental
     * consumer would then miss changes (creation time: new records only; last contact: no edits) without a word.
     */
    private void refuseOtherWindows(Map<String, Object> params) {
        changes.selector().forEach((name, value) -> {
            Object given = params.get(name);
            if (given != null && !value.equals(String.valueOf(given).strip())) {
                throw new IllegalArgumentException("okki:" + operation.uri() + " consumer: " + name + "=" + given
                        + " makes OKKI filter the window on another time than the update time, so the consumer would"
                        + " miss changes. It sends " + name + "=" + value + " itself: remove the option "
                        + name + ", or read by that time with a producer, e.g. to(\"okki:" + operation.uri()
                        + "?allPages=true&" + name + "=" + given + "&start_time=...\").");
            }
        });
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
                    .newFixedThreadPool(this, "OkkiReadAhead", conf.getReadAheadPages());
        }
        logReadMode();
        super.doStart();
        endpoint.getComponent().started(this);
        lendHealthCheck(true);
    }

    /** Says once, at start, where the spec left the list's time open and the consumer therefore reads in full. */
    private void logReadMode() {
        if (changes == null) {
            return;
        }
        if (!incremental) {
            LOG.info("okki:{}: OKKI's spec does not say which time start_time filters on this list, so each poll reads"
                    + " the whole list and delivers the records whose content changed", operation.uri());
        }
        if (conf.isIncludeDeleted() && changes.deletions() == ChangeTracking.Deletions.FULL) {
            LOG.info("okki:{}: OKKI's spec does not say whether deleting a record moves its update time, so each poll"
                    + " reads the deleted listing ({}=1) in full", operation.uri(), deletedParameter);
        }
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
        LocalDateTime from = watermark.get().orElse(null);
        boolean firstRead = from == null;
        boolean startNow = firstRead && INITIAL_NOW.equalsIgnoreCase(conf.getInitialSync());
        if (startNow && incremental) {
            return startFromNow(params);
        }
        if (firstRead && !INITIAL_ALL.equalsIgnoreCase(conf.getInitialSync()) && !startNow) {
            from = ServerTime.parse(conf.getInitialSync());
        }
        if (incremental) {
            return pollWindow(params, from == null ? null : lessOverlap(from));
        }
        Walk live = walk(params, false, firstRead ? firstReadAdmits(startNow, from) : null, null);
        int count = live.deliveredCount;
        boolean complete = live.run.complete();
        LocalDateTime next = live.run.nextWatermark();
        if (conf.isIncludeDeleted()) {
            // deletion times are unknown where the deleted listing is read in full: only "now" can exclude any
            Walk deleted = walk(deletedListing(params), true, startNow ? NONE : null, null);
            count += deleted.deliveredCount;
            complete &= deleted.run.complete();
            next = earlier(next, deleted.run.nextWatermark());
        }
        if (complete && next != null) {
            moveWatermark(next);
        }
        return count;
    }

    /**
     * Reads a time-filtered list from {@code start} (null: from its beginning) to OKKI's present: in one walk when the
     * window holds at most maxSliceRecords records, otherwise as time slices with the watermark moved after each.
     */
    private int pollWindow(Map<String, Object> params, LocalDateTime start) throws Exception {
        Map<String, Object> whole = windowed(params, start, null);
        Page first = readPage(whole, 1, false);
        Long total = first.response().total(operation.paging());
        int count;
        if (total == null || total <= conf.getMaxSliceRecords()) {
            count = readSlice(whole, first, null).delivered();
        } else {
            count = readSlices(params, new SlicePlan(start, ServerTime.parse(first.response().serverTime()),
                    conf.getMaxSliceRecords()));
        }
        if (conf.isIncludeDeleted() && changes.deletions() == ChangeTracking.Deletions.FULL && mayContinue()) {
            // a deleted listing read in full needs no watermark: whatever it missed, the next poll reads again
            count += walk(deletedListing(params), true, null, null).deliveredCount;
        }
        return count;
    }

    /** Reads the slices of a window too large for one walk, oldest first, until one is incomplete or failed. */
    private int readSlices(Map<String, Object> params, SlicePlan plan) throws Exception {
        LOG.info("okki:{} reads more than {} changed records: in time slices from {}, the watermark moving after each",
                operation.uri(), conf.getMaxSliceRecords(), plan.start() == null ? "the beginning"
                        : ServerTime.format(plan.start()));
        int count = 0;
        while (mayContinue()) {
            LocalDateTime end = plan.sliceEnd();
            Map<String, Object> slice = windowed(params, plan.start(), end);
            Page first = readPage(slice, 1, false);
            Long total = first.response().total(operation.paging());
            if (!plan.fits(total)) {
                plan.tooLarge();
                continue;
            }
            SliceRead read = readSlice(slice, first, end);
            count += read.delivered();
            if (!read.moved() || read.hadFailures() || end == null) {
                break;
            }
            plan.completed(total);
        }
        return count;
    }

    /**
     * Walks one slice (its first page already read), and its deleted listing where that has a deletion-time window,
     * then moves the watermark to the slice's end (for the open last slice, OKKI's time when it was read) or to the
     * earliest record whose exchange failed; not at all when a walk was incomplete.
     */
    private SliceRead readSlice(Map<String, Object> slice, Page first, LocalDateTime end) throws Exception {
        Walk live = walk(slice, false, null, first);
        int count = live.deliveredCount;
        LocalDateTime next = live.run.nextWatermarkWithin(end);
        boolean failures = live.run.hadFailures();
        if (conf.isIncludeDeleted() && changes.deletions() == ChangeTracking.Deletions.WINDOW) {
            Walk deleted = mayContinue() ? walk(deletedListing(slice), true, null, null) : null;
            count += deleted == null ? 0 : deleted.deliveredCount;
            LocalDateTime deletedNext = deleted == null ? null : deleted.run.nextWatermarkWithin(end);
            next = next == null || deletedNext == null ? null : earlier(next, deletedNext);
            failures |= deleted != null && deleted.run.hadFailures();
        }
        if (next == null) {
            LOG.debug("okki:{} keeps its watermark: the walk was incomplete or missed records, it reads the window"
                    + " again", operation.uri());
            return new SliceRead(count, false, failures);
        }
        moveWatermark(next);
        return new SliceRead(count, true, failures);
    }

    /**
     * initialSync=now on an incremental list: takes OKKI's current time as the watermark and delivers nothing. A
     * deleted listing that is read in full has no such start, so its current content is stored as seen first.
     */
    private int startFromNow(Map<String, Object> params) throws Exception {
        OkkiResponse probe = fetch(params, 1, 1);
        LocalDateTime now = ServerTime.parse(probe.serverTime());
        if (now == null) {
            return 0;
        }
        if (conf.isIncludeDeleted() && changes.deletions() == ChangeTracking.Deletions.FULL
                && !walk(deletedListing(params), true, NONE, null).run.complete()) {
            return 0;
        }
        if (watermark.advance(now)) {
            LOG.info("okki:{} starts syncing from OKKI's time {}", operation.uri(), probe.serverTime());
        }
        return 0;
    }

    /**
     * Moves the watermark forward, never back: another consumer on the same state (a node still polling after it lost
     * leadership) may have moved it further, and its move must stand.
     */
    private void moveWatermark(LocalDateTime next) {
        if (watermark.advance(next)) {
            LOG.debug("okki:{} watermark now {}", operation.uri(), ServerTime.format(next));
        } else {
            LOG.debug("okki:{} keeps the stored watermark: it is already at or after {}", operation.uri(),
                    ServerTime.format(next));
        }
    }

    /**
     * Which records the first read of a list read in full delivers. It cannot ask OKKI for "since", so it stores
     * without delivering what initialSync excludes: everything for now; for a time, the records whose own update time
     * is before it (less the overlap). Null: all of them.
     */
    private Predicate<Object> firstReadAdmits(boolean startNow, LocalDateTime since) {
        if (startNow) {
            return NONE;
        }
        if (since == null) {
            return null;
        }
        LocalDateTime from = lessOverlap(since);
        return record -> {
            LocalDateTime updated = keys.updateTime(record);
            return updated == null || !updated.isBefore(from);
        };
    }

    /** OKKI filters by the second and its clocks drift: every "since" starts the overlap earlier. */
    private LocalDateTime lessOverlap(LocalDateTime time) {
        return time.minus(Duration.ofMillis(conf.getOverlap()));
    }

    /**
     * The parameters with a window on the update time from {@code start} to {@code end}, each left out when null;
     * without either, the parameters as given (a first read of everything).
     */
    private Map<String, Object> windowed(Map<String, Object> params, LocalDateTime start, LocalDateTime end) {
        Map<String, Object> windowed = new LinkedHashMap<>(params);
        if (start == null && end == null) {
            return windowed;
        }
        windowed.remove("start_time");
        windowed.remove("end_time");
        if (start != null) {
            windowed.put("start_time", ServerTime.format(start));
        }
        if (end != null) {
            windowed.put("end_time", ServerTime.format(end));
        }
        windowed.putAll(changes.selector());
        return windowed;
    }

    /**
     * The parameters of the deleted listing: windowed on the deletion time where the list has a selector for it,
     * otherwise without a window, since the spec does not say that deleting moves the update time.
     */
    private Map<String, Object> deletedListing(Map<String, Object> params) {
        Map<String, Object> deleted = new LinkedHashMap<>(params);
        if (incremental && changes.deletions() == ChangeTracking.Deletions.WINDOW) {
            changes.selector().keySet().forEach(deleted::remove);
            deleted.putAll(changes.deletionSelector());
        } else {
            deleted.remove("start_time");
            deleted.remove("end_time");
        }
        deleted.put(deletedParameter, 1);
        return deleted;
    }

    /**
     * Walks every page of the listing and delivers the records not delivered before.
     *
     * @param admit which of those to deliver; the keys of the others are stored as if delivered. Null for all.
     * @param first its first page, when it has been read already; null to read it
     */
    private Walk walk(Map<String, Object> params, boolean deleted, Predicate<Object> admit, Page first)
            throws Exception {
        Walk walk = new Walk();
        Paging paging = operation.paging();
        ReadAhead<Page> pages = new ReadAhead<>(n -> n == 1 && first != null ? first : readPage(params, n, deleted),
                readAheadExecutor, conf.getReadAheadPages());
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
                    pages.fetchAhead(n + 1, lastPage(total, n + 1));
                }
                Page fresh = page.fresh(walk.run, delivered);
                deliver(admit == null ? fresh : fresh.admitted(admit, delivered), deleted, walk, last);
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

    /** The number of the walk's last page as OKKI's total tells it; at least {@code next} when there is no total. */
    private int lastPage(Long total, int next) {
        long pages = total == null ? next : (total + conf.getPageSize() - 1) / conf.getPageSize();
        return (int) Math.max(next, Math.min(Integer.MAX_VALUE, pages));
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
            Page claimed = conf.isClaimBeforeRouting()
                    ? fresh.select(i -> claim(fresh.keys().get(i), fresh.records().get(i), walk, response), i -> { })
                    : fresh;
            if (claimed.records().isEmpty()) {
                return;
            }
            Exchange exchange = createExchange(false);
            exchange.getMessage().setBody(claimed.records().stream().map(mapper).toList());
            common(exchange.getMessage(), response, deleted);
            handle(exchange, claimed.records(), claimed.keys(), walk, response);
            return;
        }
        // OKKI's count for the window; versions delivered before are skipped, so fewer may arrive
        Integer batchSize = walk.run.total() != null ? walk.run.total().intValue() : null;
        for (int i = 0; i < records.size() && mayContinue(); i++) {
            Object record = records.get(i);
            // claimed one at a time, just before routing: a claim then covers only the record in flight, so another
            // consumer can take the rest of the page, and a crash leaves at most one claim behind
            if (conf.isClaimBeforeRouting() && !claim(fresh.keys().get(i), record, walk, response)) {
                continue;
            }
            Exchange exchange = createExchange(false);
            Message message = exchange.getMessage();
            message.setBody(mapper.apply(record));
            common(message, response, deleted);
            message.setHeader(OkkiConstants.RECORD_ID, fresh.ids().get(i));
            message.setHeader(OkkiConstants.RECORD_KEY, fresh.keys().get(i));
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
     * With claimBeforeRouting: claims a record version's key before its exchange is created. False when another
     * consumer on the same repository holds it (or delivered it since this page was checked): the record is then
     * skipped, and the walk keeps the watermark at or before it, as for a failure, so that the next poll meets it
     * again should that consumer's exchange fail and release the claim.
     */
    private boolean claim(String key, Object record, Walk walk, OkkiResponse response) {
        if (store(key)) {
            return true;
        }
        LOG.debug("okki:{}: {} is claimed by another consumer; skipped", operation.uri(), key);
        walk.run.failed(keys.updateTime(record), ServerTime.parse(response.serverTime()));
        return false;
    }

    /**
     * Stores a key in the repository; true when this call stored it. A repository may throw instead of answering false
     * when another consumer stores the same key at the same moment (camel-sql's JdbcMessageIdRepository counts, then
     * inserts, and the table's primary key refuses the second insert): the key is then held, which is all that false
     * would have said, and the poll goes on. Any other failure is the poll's.
     */
    private boolean store(String key) {
        try {
            return delivered.add(key);
        } catch (RuntimeException e) {
            if (delivered.contains(key)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Processes one exchange carrying the given records and, once it completed, stores their keys (computed once, when
     * the page was read) and confirms them; a failure marks them to be read again. With claimBeforeRouting the keys
     * are already stored as claims: completion confirms them, failure (or a stop before processing) removes them so
     * that this or another consumer can deliver the records later. False when the consumer is stopping and the
     * exchange was not processed.
     */
    private boolean handle(Exchange exchange, List<?> records, List<String> recordKeys, Walk walk,
            OkkiResponse response) {
        boolean claimed = conf.isClaimBeforeRouting();
        handling.lock();
        try {
            if (!mayContinue()) {
                releaseExchange(exchange, false);
                if (claimed) {
                    recordKeys.forEach(delivered::remove);
                }
                return false;
            }
            if (process(exchange)) {
                if (!claimed) {
                    recordKeys.forEach(this::store);
                }
                recordKeys.forEach(delivered::confirm);
                walk.deliveredCount++;
                stats.delivered(records.size());
            } else {
                if (claimed) {
                    recordKeys.forEach(delivered::remove);
                }
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

    private void checkInitialSync() {
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

        /** The records the predicate admits; the keys of the others are stored as delivered. */
        Page admitted(Predicate<Object> admit, IdempotentRepository delivered) {
            return select(i -> admit.test(records.get(i)), i -> delivered.add(keys.get(i)));
        }

        /** The records whose keys the repository does not hold yet; notes every id as seen by the walk. */
        Page fresh(PollRun run, IdempotentRepository delivered) {
            ids.forEach(run::saw);
            return select(i -> !delivered.contains(keys.get(i)), i -> { });
        }

        private Page select(IntPredicate keep, IntConsumer dropped) {
            List<Object> keptRecords = new ArrayList<>(records.size());
            List<Object> keptIds = new ArrayList<>(records.size());
            List<String> keptKeys = new ArrayList<>(records.size());
            for (int i = 0; i < records.size(); i++) {
                if (keep.test(i)) {
                    keptRecords.add(records.get(i));
                    keptIds.add(ids.get(i));
                    keptKeys.add(keys.get(i));
                } else {
                    dropped.accept(i);
                }
            }
            return new Page(response, keptRecords, keptIds, keptKeys);
        }
    }

    /** What reading one slice did: exchanges completed, whether the watermark moved, whether any exchange failed. */
    private record SliceRead(int delivered, boolean moved, boolean hadFailures) {
    }

    /** One walk over the pages: what it saw and how many exchanges it completed. */
    private static final class Walk {
        final PollRun run = new PollRun();
        int deliveredCount;
        int batchIndex;
    }

    /** Camel's form, with the endpoint's URI masked as the endpoint shows it. */
    @Override
    public String toString() {
        return "Consumer[" + getEndpoint() + "]";
    }

}
