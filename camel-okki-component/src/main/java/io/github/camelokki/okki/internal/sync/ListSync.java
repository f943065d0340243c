package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

import io.github.camelokki.okki.internal.catalog.ChangeTracking;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.client.OkkiResponse;
import io.github.camelokki.okki.internal.sync.PageWalk.Page;
import io.github.camelokki.okki.internal.sync.PageWalk.Walk;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one list operation: what one poll reads, and when the watermark moves. The polling consumer calls
 * {@link #poll()} and builds an exchange for each {@link Delivery}; everything else about a sync is here.
 * <p>
 * Lists whose window the catalog knows to filter on the update time ({@link ChangeTracking}) are read incrementally:
 * each poll asks for records updated since the watermark (less the overlap), with the list's own selector
 * ({@code time_type=1}, {@code sort_field=update_time}), walks every page, skips record versions already delivered,
 * and moves the watermark to OKKI's time at the start of the poll only when the walk saw the whole window and every
 * exchange completed. A window holding more than maxSliceRecords records (a first sync, a long outage) is read as
 * time slices, oldest first, with the watermark moved after each ({@link SlicePlan}). Every other list (no time
 * filter, or one whose time the spec leaves open) is read in full each poll and de-duplicated by content; its
 * watermark only records the last complete read.
 */
public final class ListSync {

    private static final Logger LOG = LoggerFactory.getLogger(ListSync.class);
    /** Admits no record: a first read that only stores what it finds as seen. */
    private static final Predicate<Object> NONE = record -> false;

    /** What a sync needs from the consumer that runs it. */
    public interface Host {

        /** Calls the list operation with these parameters (paging included); runs on read-ahead threads too. */
        OkkiResponse fetch(Map<String, Object> params);

        /** Whether the sync may go on to another record or page: false once the consumer is stopping. */
        boolean mayContinue();

        /** Routes one delivery as one exchange; true when it completed, false when it failed. */
        boolean route(Delivery delivery);
    }

    private final Operation operation;
    private final SyncOptions options;
    private final ChangeTracking changes;
    private final boolean incremental;
    private final ListWindow window;
    private final RecordKeys keys;
    private final Watermark watermark;
    private final PageWalk pages;
    private final CheckpointKeys checkpointKeys;
    private final IdempotentRepository delivered;
    private final Host host;
    private boolean resumed;

    /**
     * @param params    the endpoint's parameters of the list
     * @param state     where the watermark is kept
     * @param delivered the keys of the record versions delivered
     * @param keepKeysWithState whether the keys a resume would meet again are kept beside the watermark
     *                  ({@link CheckpointKeys}): for a key store that forgets them on restart (the default, in memory)
     *                  and a state store that may not
     * @param readAhead runs page fetches ahead of the route; null to fetch each page when it is needed
     */
    public ListSync(Operation operation, Map<String, Object> params, SyncOptions options,
            StateRepository<String, String> state, IdempotentRepository delivered, boolean keepKeysWithState, Executor readAhead,
            Host host) {
        this.operation = operation;
        this.options = options;
        this.changes = operation.changes();
        this.incremental = changes != null && changes.incremental();
        this.window = new ListWindow(operation, params);
        this.keys = new RecordKeys(operation.resource(), options.idField(), incremental);
        this.watermark = new Watermark(state, window.stateKey(), window.legacyStateKey());
        this.checkpointKeys = keepKeysWithState && incremental ? new CheckpointKeys(state, watermark.key(), operation.uri())
                : CheckpointKeys.NONE;
        this.pages = new PageWalk(operation.uri(), operation.paging(), options, keys, delivered, checkpointKeys,
                readAhead, host);
        this.delivered = delivered;
        this.host = host;
    }

    /** Fails, before anything is started, when the endpoint's options and parameters cannot be synced. */
    public static void check(Operation operation, Map<String, Object> params, SyncOptions options) {
        new ListWindow(operation, params).check(options.includeDeleted());
    }

    /** Says once, at start, where the spec left the list's time open and each poll therefore reads in full. */
    public void logReadMode() {
        if (changes == null) {
            return;
        }
        if (!incremental) {
            LOG.info("okki:{}: OKKI's spec does not say which time start_time filters on this list, so each poll reads"
                    + " the whole list and delivers the records whose content changed", operation.uri());
        }
        if (options.includeDeleted() && changes.deletions() == ChangeTracking.Deletions.FULL) {
            LOG.info("okki:{}: OKKI's spec does not say whether deleting a record moves its update time, so each poll"
                    + " reads the deleted listing ({}=1) in full", operation.uri(), window.deletedParameter());
        }
    }

    /** One poll: reads what changed since the watermark, delivers it, moves the watermark; the exchanges completed. */
    public int poll() throws InterruptedException {
        if (!resumed) {
            checkpointKeys.restoreInto(delivered);
            resumed = true;
        }
        try {
            return pollOnce();
        } finally {
            checkpointKeys.save();
        }
    }

    private int pollOnce() throws InterruptedException {
        LocalDateTime from = watermark.get().orElse(null);
        boolean firstRead = from == null;
        boolean startNow = firstRead && options.startsNow();
        if (startNow && incremental) {
            return startFromNow();
        }
        if (firstRead) {
            from = options.initialTime();
        }
        if (incremental) {
            return pollWindow(from == null ? null : lessOverlap(from));
        }
        Walk live = pages.walk(window.all(), false, firstRead ? firstReadAdmits(startNow, from) : null, null);
        int count = live.deliveredCount;
        boolean complete = live.run.complete();
        LocalDateTime next = live.run.nextWatermark();
        if (options.includeDeleted()) {
            // deletion times are unknown where the deleted listing is read in full: only "now" can exclude any
            Walk deleted = pages.walk(window.deleted(window.all()), true, startNow ? NONE : null, null);
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
    private int pollWindow(LocalDateTime start) throws InterruptedException {
        Map<String, Object> whole = window.between(start, null);
        Page first = pages.read(whole, 1, false);
        Long total = first.response().total(operation.paging());
        int count;
        if (total == null || total <= options.maxSliceRecords()) {
            count = readSlice(whole, first, null).delivered();
        } else {
            count = readSlices(new SlicePlan(start, ServerTime.parse(first.response().serverTime()),
                    options.maxSliceRecords()));
        }
        if (options.includeDeleted() && changes.deletions() == ChangeTracking.Deletions.FULL && host.mayContinue()) {
            // a deleted listing read in full needs no watermark: whatever it missed, the next poll reads again
            count += pages.walk(window.deleted(window.all()), true, null, null).deliveredCount;
        }
        return count;
    }

    /** Reads the slices of a window too large for one walk, oldest first, until one is incomplete or failed. */
    private int readSlices(SlicePlan plan) throws InterruptedException {
        LOG.info("okki:{} reads more than {} changed records: in time slices from {}, the watermark moving after each",
                operation.uri(), options.maxSliceRecords(), plan.start() == null ? "the beginning"
                        : ServerTime.format(plan.start()));
        int count = 0;
        while (host.mayContinue()) {
            LocalDateTime end = plan.sliceEnd();
            Map<String, Object> slice = window.between(plan.start(), end);
            Page first = pages.read(slice, 1, false);
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
    private SliceRead readSlice(Map<String, Object> slice, Page first, LocalDateTime end)
            throws InterruptedException {
        Walk live = pages.walk(slice, false, null, first);
        int count = live.deliveredCount;
        LocalDateTime next = live.run.nextWatermarkWithin(end);
        boolean failures = live.run.hadFailures();
        if (options.includeDeleted() && changes.deletions() == ChangeTracking.Deletions.WINDOW) {
            Walk deleted = host.mayContinue() ? pages.walk(window.deleted(slice), true, null, null) : null;
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
    private int startFromNow() throws InterruptedException {
        OkkiResponse probe = host.fetch(operation.paging().page(window.all(), 1, 1));
        LocalDateTime now = ServerTime.parse(probe.serverTime());
        if (now == null) {
            return 0;
        }
        if (options.includeDeleted() && changes.deletions() == ChangeTracking.Deletions.FULL
                && !pages.walk(window.deleted(window.all()), true, NONE, null).run.complete()) {
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
        // a resume reads from the stored watermark (next, or later where another consumer moved it) less the
        // overlap: older keys cannot be met again. Pruning from next keeps at least those, without reading the store
        checkpointKeys.keepFrom(lessOverlap(next));
        checkpointKeys.save();
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
        return time.minus(options.overlap());
    }

    private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isBefore(b) ? a : b;
    }

    /**
     * Lets the record in hand finish and its key be stored; false when it did not within the time given. Camel's
     * graceful shutdown suspends or stops the consumer and then waits for in-flight exchanges; between two records
     * nothing is in flight, so without this the route could be stopped under the next record, and under master:
     * another node could take over and find a delivered record without its key. The walk checks
     * {@link Host#mayContinue()} while holding the same lock.
     */
    public boolean awaitRecordInHand(long seconds) throws InterruptedException {
        return pages.awaitRecordInHand(seconds);
    }

    /**
     * Saves the keys delivered since the checkpoint; called when the consumer stops, once the record in hand is done.
     */
    public void saveCheckpointKeys() {
        checkpointKeys.save();
    }

    /** The stored watermark: OKKI's time up to which every change was delivered; null before the first sync. */
    public LocalDateTime watermark() {
        return watermark.get().orElse(null);
    }

    /** What reading one slice did: exchanges completed, whether the watermark moved, whether any exchange failed. */
    private record SliceRead(int delivered, boolean moved, boolean hadFailures) {
    }
}
