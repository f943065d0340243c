package io.github.camelokki.okki.internal.sync;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * How a list is synced: the consumer options that shape the policy, taken from the endpoint's configuration.
 *
 * @param pageSize           records asked for per page
 * @param overlap            how far before the watermark each window starts
 * @param initialSync        where a first sync starts: {@code all}, {@code now} or an OKKI time
 * @param idField            the record member holding its id, e.g. company_id
 * @param includeDeleted     whether deleted records are delivered too
 * @param maxSliceRecords    the most records one walk reads before the watermark moves
 * @param readAheadPages     how many pages are fetched while one is routed
 * @param claimBeforeRouting whether a record version's key is stored before it is routed (consumers sharing state)
 * @param splitResult        one exchange per record, or one per page
 */
public record SyncOptions(int pageSize, Duration overlap, String initialSync, String idField, boolean includeDeleted,
        int maxSliceRecords, int readAheadPages, boolean claimBeforeRouting, boolean splitResult) {

    static final String INITIAL_ALL = "all";
    static final String INITIAL_NOW = "now";

    public SyncOptions {
        if (!INITIAL_ALL.equalsIgnoreCase(initialSync) && !INITIAL_NOW.equalsIgnoreCase(initialSync)
                && ServerTime.parse(initialSync) == null) {
            throw new IllegalArgumentException("initialSync must be all, now or an OKKI time yyyy-MM-dd HH:mm:ss,"
                    + " not '" + initialSync + "'");
        }
        if (readAheadPages < 1 || maxSliceRecords < 1) {
            throw new IllegalArgumentException("readAheadPages and maxSliceRecords must be at least 1, not "
                    + readAheadPages + " and " + maxSliceRecords);
        }
    }

    boolean startsNow() {
        return INITIAL_NOW.equalsIgnoreCase(initialSync);
    }

    /** The time a first sync starts from; null for {@code all} and {@code now}. */
    LocalDateTime initialTime() {
        return startsNow() || INITIAL_ALL.equalsIgnoreCase(initialSync) ? null : ServerTime.parse(initialSync);
    }
}
