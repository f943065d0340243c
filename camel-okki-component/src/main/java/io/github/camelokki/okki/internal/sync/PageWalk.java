package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import io.github.camelokki.okki.internal.catalog.Paging;
import io.github.camelokki.okki.internal.client.OkkiResponse;
import org.apache.camel.spi.IdempotentRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks every page of one listing and hands the record versions not delivered before to the route, storing each
 * version's key once its exchange completed (or claiming it first, with claimBeforeRouting). One instance serves all
 * the walks of a {@link ListSync}.
 */
final class PageWalk {

    private static final Logger LOG = LoggerFactory.getLogger(PageWalk.class);

    private final String uri;
    private final Paging paging;
    private final SyncOptions options;
    private final RecordKeys keys;
    private final IdempotentRepository delivered;
    private final CheckpointKeys checkpointKeys;
    private final Executor readAhead;
    private final ListSync.Host host;
    /** Held from a record's exchange to the storing of its key, so that stopping never separates the two. */
    private final ReentrantLock handling = new ReentrantLock();

    PageWalk(String uri, Paging paging, SyncOptions options, RecordKeys keys, IdempotentRepository delivered,
            CheckpointKeys checkpointKeys, Executor readAhead, ListSync.Host host) {
        this.uri = uri;
        this.paging = paging;
        this.options = options;
        this.keys = keys;
        this.delivered = delivered;
        this.checkpointKeys = checkpointKeys;
        this.readAhead = readAhead;
        this.host = host;
    }

    /**
     * Walks every page of the listing and delivers the records not delivered before.
     *
     * @param admit which of those to deliver; the keys of the others are stored as if delivered. Null for all.
     * @param first its first page, when it has been read already; null to read it
     */
    Walk walk(Map<String, Object> params, boolean deleted, Predicate<Object> admit, Page first)
            throws InterruptedException {
        Walk walk = new Walk();
        int size = options.pageSize();
        ReadAhead<Page> pages = new ReadAhead<>(n -> n == 1 && first != null ? first : read(params, n, deleted),
                readAhead, options.readAheadPages());
        long seen = 0;
        try {
            for (int n = 1; host.mayContinue(); n++) {
                Page page = pages.take(n);
                walk.run.answeredAt(ServerTime.parse(page.response().serverTime()));
                walk.run.total(page.response().total(paging));
                seen += page.records().size();
                Long total = walk.run.total();
                boolean last = paging.isLastPage(page.records().size(), seen, total, size);
                if (!last) {
                    pages.fetchAhead(n + 1, paging.lastPage(total, size, n + 1));
                }
                Page fresh = page.fresh(walk.run, delivered);
                deliver(admit == null ? fresh : fresh.admitted(admit, delivered), deleted, walk, last);
                checkpointKeys.save();
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

    /** Fetches one page and works out its records' ids and keys; runs on a read-ahead thread when there is one. */
    Page read(Map<String, Object> params, int number, boolean deleted) {
        OkkiResponse response = host.fetch(paging.page(params, number, options.pageSize()));
        List<?> records = response.records(paging);
        List<Object> ids = new ArrayList<>(records.size());
        List<String> recordKeys = new ArrayList<>(records.size());
        for (Object record : records) {
            Object id = keys.id(record);
            ids.add(id);
            recordKeys.add(keys.key(record, id, deleted));
        }
        return new Page(response, records, ids, recordKeys);
    }

    private void deliver(Page fresh, boolean deleted, Walk walk, boolean lastPage) {
        String serverTime = fresh.response().serverTime();
        if (fresh.records().isEmpty()) {
            return;
        }
        if (!options.splitResult()) {
            Page claimed = options.claimBeforeRouting()
                    ? fresh.select(i -> claim(fresh.keys().get(i), fresh.records().get(i), walk, serverTime), i -> { })
                    : fresh;
            if (!claimed.records().isEmpty()) {
                handle(new Delivery(claimed.records(), claimed.ids(), claimed.keys(), serverTime, deleted, 0, null,
                        lastPage),
                        walk);
            }
            return;
        }
        Integer size = walk.run.total() != null ? walk.run.total().intValue() : null;
        List<?> records = fresh.records();
        for (int i = 0; i < records.size() && host.mayContinue(); i++) {
            Object record = records.get(i);
            // claimed one at a time, just before routing: a claim then covers only the record in flight, so another
            // consumer can take the rest of the page, and a crash leaves at most one claim behind
            if (options.claimBeforeRouting() && !claim(fresh.keys().get(i), record, walk, serverTime)) {
                continue;
            }
            Delivery one = new Delivery(List.of(record), Collections.singletonList(fresh.ids().get(i)),
                    List.of(fresh.keys().get(i)), serverTime, deleted, walk.batchIndex++, size,
                    lastPage && i == records.size() - 1);
            if (!handle(one, walk)) {
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
    private boolean claim(String key, Object record, Walk walk, String serverTime) {
        if (store(key)) {
            return true;
        }
        LOG.debug("okki:{}: {} is claimed by another consumer; skipped", uri, key);
        walk.run.failed(keys.updateTime(record), ServerTime.parse(serverTime));
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
     * Routes one delivery and, once its exchange completed, stores its records' keys (computed once, when the page
     * was read) and confirms them; a failure marks the records to be read again. With claimBeforeRouting the keys
     * are already stored as claims: completion confirms them, failure (or a stop before routing) removes them so
     * that this or another consumer can deliver the records later. False when the sync is stopping and nothing was
     * routed.
     */
    private boolean handle(Delivery delivery, Walk walk) {
        boolean claimed = options.claimBeforeRouting();
        List<String> recordKeys = delivery.keys();
        handling.lock();
        try {
            if (!host.mayContinue()) {
                if (claimed) {
                    recordKeys.forEach(delivered::remove);
                }
                return false;
            }
            if (host.route(delivery)) {
                if (!claimed) {
                    recordKeys.forEach(this::store);
                }
                recordKeys.forEach(delivered::confirm);
                recordKeys.forEach(checkpointKeys::delivered);
                walk.deliveredCount++;
            } else {
                if (claimed) {
                    recordKeys.forEach(delivered::remove);
                }
                LocalDateTime answeredAt = ServerTime.parse(delivery.serverTime());
                delivery.records().forEach(r -> walk.run.failed(keys.updateTime(r), answeredAt));
            }
            return true;
        } finally {
            handling.unlock();
        }
    }

    /**
     * Waits for the record in hand to finish and its key to be stored; false when it did not within the time given.
     */
    boolean awaitRecordInHand(long seconds) throws InterruptedException {
        if (handling.tryLock(seconds, TimeUnit.SECONDS)) {
            handling.unlock();
            return true;
        }
        return false;
    }

    /** One page as read: OKKI's answer, its records, and each record's id and de-duplication key. */
    record Page(OkkiResponse response, List<?> records, List<Object> ids, List<String> keys) {

        /** The records the predicate admits; the keys of the others are stored as delivered. */
        Page admitted(Predicate<Object> admit, IdempotentRepository delivered) {
            return select(i -> admit.test(records.get(i)), i -> delivered.add(keys.get(i)));
        }

        /** The records whose keys the repository does not hold yet; notes every id as seen by the walk. */
        Page fresh(PollRun run, IdempotentRepository delivered) {
            ids.forEach(run::saw);
            return select(i -> !delivered.contains(keys.get(i)), i -> { });
        }

        Page select(IntPredicate keep, IntConsumer dropped) {
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

    /** One walk over the pages: what it saw and how many exchanges it completed. */
    static final class Walk {
        final PollRun run = new PollRun();
        int deliveredCount;
        int batchIndex;
    }
}
