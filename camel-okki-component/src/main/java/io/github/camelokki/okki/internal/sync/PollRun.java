package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * What one walk over the pages of a poll saw, to decide whether the watermark may move.
 * <p>
 * The watermark moves only when the walk saw every record the window holds and every exchange completed. OKKI pages
 * by offset, so a record changed during the walk can shift the others between pages and one of them may be skipped;
 * counting the distinct ids seen against OKKI's total detects that, and the window is then read again next poll
 * (already delivered records are skipped by their keys).
 * <p>
 * OKKI's ids are numbers, so they are kept in a growing {@code long[]} and counted once, sorted, when the walk ends:
 * 8 bytes an id and no object per record, where a set of boxed ids would cost about 50 bytes and a hash lookup each.
 * Any other id goes to a set.
 */
public final class PollRun {

    private long[] numericIds = new long[1024];
    private int numericCount;
    private final Set<Object> otherIds = new HashSet<>();
    private int distinct = -1;
    private LocalDateTime serverTime;
    private LocalDateTime earliestFailure;
    private Long total;
    private boolean finished;

    /** Records OKKI's clock at the first answer: every change up to then is in this walk's window. */
    public void answeredAt(LocalDateTime now) {
        if (serverTime == null) {
            serverTime = now;
        }
    }

    public void total(Long reported) {
        if (reported != null && total == null) {
            total = reported;
        }
    }

    public void saw(Object id) {
        if (id instanceof Long || id instanceof Integer) {
            if (numericCount == numericIds.length) {
                numericIds = Arrays.copyOf(numericIds, numericCount * 2);
            }
            numericIds[numericCount++] = ((Number) id).longValue();
            distinct = -1;
        } else if (id != null) {
            otherIds.add(id);
            distinct = -1;
        }
    }

    /** An exchange for a record changed at {@code updateTime} failed: the watermark must stay at or before it. */
    public void failed(LocalDateTime updateTime, LocalDateTime fallback) {
        LocalDateTime at = updateTime != null ? updateTime : fallback;
        if (at != null && (earliestFailure == null || at.isBefore(earliestFailure))) {
            earliestFailure = at;
        }
    }

    public void finished() {
        finished = true;
    }

    /** Whether the walk reached the last page and saw as many distinct records as OKKI said the window holds. */
    public boolean complete() {
        return finished && (total == null || distinctRecords() >= total);
    }

    public boolean hadFailures() {
        return earliestFailure != null;
    }

    /**
     * Where the watermark may move after this walk: OKKI's time at the start of the walk, or the update time of the
     * earliest record whose exchange failed (so that it is read again), whichever is earlier. Null when it may not
     * move: the walk was cut short or may have skipped records.
     */
    public LocalDateTime nextWatermark() {
        if (!complete() || serverTime == null) {
            return null;
        }
        return earliestFailure != null && earliestFailure.isBefore(serverTime) ? earliestFailure : serverTime;
    }

    /**
     * Where the watermark may move after a walk over a slice ending at {@code sliceEnd}: that end, or the update time
     * of the earliest record whose exchange failed, whichever is earlier. Null when the walk was incomplete. A slice
     * without an end is the rest of the window: {@link #nextWatermark()}.
     */
    public LocalDateTime nextWatermarkWithin(LocalDateTime sliceEnd) {
        if (sliceEnd == null) {
            return nextWatermark();
        }
        if (!complete()) {
            return null;
        }
        return earliestFailure != null && earliestFailure.isBefore(sliceEnd) ? earliestFailure : sliceEnd;
    }

    /** How many different records the walk saw. */
    public int distinctRecords() {
        if (distinct < 0) {
            Arrays.sort(numericIds, 0, numericCount);
            int count = numericCount > 0 ? 1 : 0;
            for (int i = 1; i < numericCount; i++) {
                if (numericIds[i] != numericIds[i - 1]) {
                    count++;
                }
            }
            distinct = count + otherIds.size();
        }
        return distinct;
    }

    public Long total() {
        return total;
    }
}
