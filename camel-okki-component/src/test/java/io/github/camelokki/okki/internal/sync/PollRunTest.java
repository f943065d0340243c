package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PollRunTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 10, 0, 0);

    @Test
    void completeWhenEveryRecordOfTheWindowWasSeen() {
        PollRun run = walk(3, 3100000001L, 3100000002L, 3100000003L);
        assertEquals(3, run.distinctRecords());
        assertTrue(run.complete());
        assertEquals(NOW, run.nextWatermark());
    }

    @Test
    void aRecordSeenTwiceMeansAnotherWasSkipped() {
        // page 2 started with the last record of page 1 again: records shifted, one was never read
        PollRun run = walk(3, 3100000001L, 3100000002L, 3100000002L);
        assertEquals(2, run.distinctRecords());
        assertFalse(run.complete());
        assertNull(run.nextWatermark(), "the watermark stays, so the window is read again");
    }

    @Test
    void countsNumericIdsByValueAndOtherIdsByEquality() {
        PollRun run = walk(5, 7, 7L, "A-1", "A-1", 3_000_000_000L, null);
        assertEquals(3, run.distinctRecords());
        assertFalse(run.complete());
    }

    @Test
    void countsTwoHundredThousandIdsWithRepeats() {
        PollRun run = new PollRun();
        run.answeredAt(NOW);
        run.total(100_000L);
        for (long id = 100_000; id > 0; id--) {
            run.saw(id);
            run.saw(id % 1000 + 1);
        }
        run.finished();
        assertEquals(100_000, run.distinctRecords());
        assertTrue(run.complete());
    }

    @Test
    void aFailedExchangeHoldsTheWatermarkAtItsRecord() {
        PollRun run = walk(2, 1, 2);
        LocalDateTime failedRecord = NOW.minusMinutes(5);
        run.failed(failedRecord, NOW);
        assertTrue(run.hadFailures());
        assertEquals(failedRecord, run.nextWatermark());
    }

    private static PollRun walk(long total, Object... ids) {
        PollRun run = new PollRun();
        run.answeredAt(NOW);
        run.total(total);
        for (Object id : ids) {
            run.saw(id);
        }
        run.finished();
        return run;
    }
}
