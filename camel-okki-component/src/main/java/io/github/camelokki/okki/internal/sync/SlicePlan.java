package io.github.camelokki.okki.internal.sync;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Cuts a window too large for one walk (a first sync, a long outage) into time slices, oldest first, each holding at
 * most a given number of records, so that the watermark can move after each slice: a failure or a restart then
 * resumes from the last slice read, not from the beginning, and the store of delivered keys needs to hold one slice
 * (plus one overlap) instead of the whole window.
 * <p>
 * A slice's size is known only by asking OKKI (the total of its first page), so a proposal that turns out too large is
 * halved; a slice is never shorter than one second, OKKI's resolution, even when that second holds more records. The
 * next proposal is sized from the density of the slice before, so that most proposals fit at the first try. The last
 * slice has no end: it reaches OKKI's present, which also takes in what changed while the earlier slices were read.
 * <p>
 * Consecutive slices share their boundary second ({@code end_time} of one is {@code start_time} of the next): the
 * spec does not say whether OKKI's end_time is inclusive, and a record read twice is skipped by its key, where one
 * read in neither slice would be lost.
 */
public final class SlicePlan {

    private static final Duration SECOND = Duration.ofSeconds(1);
    /**
     * Where the arithmetic of a window without a start begins: before any OKKI record. Its first slice is still sent
     * without a start_time, so a record dated earlier is read too.
     */
    static final LocalDateTime EARLIEST = LocalDateTime.of(2000, 1, 1, 0, 0);
    /** How much a proposal may grow after an empty slice, or after one far below the limit. */
    private static final long MAX_GROWTH = 4;

    private final LocalDateTime end;
    private final long maxRecords;
    private LocalDateTime cursor;
    private boolean openStart;
    private Duration length;

    /**
     * @param start      where the window starts; null for a window without a start (a first sync of everything)
     * @param end        OKKI's time when the window was found too large: the slices reach it, the last one beyond
     * @param maxRecords the most records a slice may hold, unless it is one second long
     */
    public SlicePlan(LocalDateTime start, LocalDateTime end, long maxRecords) {
        if (maxRecords < 1) {
            throw new IllegalArgumentException("a slice must be allowed at least one record");
        }
        this.end = end;
        this.maxRecords = maxRecords;
        this.openStart = start == null;
        this.cursor = openStart ? EARLIEST : start;
        // the whole window was too large: the first proposal is its older half
        this.length = half(Duration.between(cursor, end));
    }

    /** The start of the slice to read next; null for the first slice of a window without a start. */
    public LocalDateTime start() {
        return openStart ? null : cursor;
    }

    /** The end of the slice to read next; null for the last one, which is open towards the present. */
    public LocalDateTime sliceEnd() {
        LocalDateTime proposed = cursor.plus(length);
        return proposed.isBefore(end) ? proposed : null;
    }

    /** Whether a slice of the given total must be read as it is: within the limit, or one second long already. */
    public boolean fits(Long total) {
        return total == null || total <= maxRecords || length.compareTo(SECOND) <= 0;
    }

    /** The proposal held too many records: the next one is its older half. */
    public void tooLarge() {
        LocalDateTime sliceEnd = sliceEnd();
        length = half(sliceEnd == null ? Duration.between(cursor, end) : length);
    }

    /**
     * The proposed slice was read completely and its records held {@code total}: the next one starts at its end and
     * is sized to hold about the limit at the same density.
     */
    public void completed(Long total) {
        LocalDateTime sliceEnd = sliceEnd();
        if (sliceEnd == null) {
            throw new IllegalStateException("the last slice has been read: the plan is done");
        }
        cursor = sliceEnd;
        openStart = false;
        long records = total == null ? maxRecords : total;
        // aim a little under the limit, so that a slightly denser next slice still fits at the first try
        double growth = records == 0 ? MAX_GROWTH : Math.min(MAX_GROWTH, 0.8 * maxRecords / records);
        length = Duration.ofSeconds(Math.max(1, (long) (length.getSeconds() * growth)));
    }

    private static Duration half(Duration duration) {
        Duration half = duration.dividedBy(2);
        return half.compareTo(SECOND) < 0 ? SECOND : half.truncatedTo(ChronoUnit.SECONDS);
    }
}
