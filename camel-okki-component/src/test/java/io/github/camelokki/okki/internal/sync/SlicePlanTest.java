package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlicePlanTest {

    private static final LocalDateTime START = LocalDateTime.of(2026, 11, 1, 0, 0);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 9, 0, 0);

    @Test
    void theFirstSliceIsTheOlderHalfOfTheWindowFoundTooLarge() {
        SlicePlan plan = new SlicePlan(START, NOW, 1000);

        assertEquals(START, plan.start());
        assertEquals(LocalDateTime.of(2026, 11, 5, 0, 0), plan.sliceEnd());
    }

    @Test
    void aSliceTooLargeIsHalvedDownToOneSecondWhichIsReadWhateverItHolds() {
        SlicePlan plan = new SlicePlan(START, START.plusSeconds(8), 10);

        assertFalse(plan.fits(11L));
        plan.tooLarge();
        assertEquals(START.plusSeconds(2), plan.sliceEnd());
        plan.tooLarge();
        assertEquals(START.plusSeconds(1), plan.sliceEnd());
        assertTrue(plan.fits(5_000L), "one second is one slice, however many records it holds");
        plan.tooLarge();
        assertEquals(START.plusSeconds(1), plan.sliceEnd());
    }

    @Test
    void theNextSliceStartsAtTheEndOfTheLastAndIsSizedByItsDensity() {
        SlicePlan plan = new SlicePlan(START, NOW, 1000);

        plan.tooLarge();
        assertEquals(LocalDateTime.of(2026, 11, 3, 0, 0), plan.sliceEnd());
        plan.completed(400L);

        // 400 records in two days: 0.8 * 1000 / 400 = twice as long
        assertEquals(LocalDateTime.of(2026, 11, 3, 0, 0), plan.start());
        assertEquals(LocalDateTime.of(2026, 11, 7, 0, 0), plan.sliceEnd());
        plan.completed(1000L);

        // a full slice: 0.8 times as long, 3.2 days
        assertEquals(LocalDateTime.of(2026, 11, 7, 0, 0), plan.start());
        assertNull(plan.sliceEnd(), "beyond OKKI's time when the plan began: the last slice, open to the present");
    }

    @Test
    void anEmptySliceLetsTheNextGrowFourfold() {
        SlicePlan plan = new SlicePlan(START, NOW.plusDays(100), 1000);
        plan.tooLarge();
        plan.tooLarge();
        plan.tooLarge();
        LocalDateTime firstEnd = plan.sliceEnd();
        long length = java.time.Duration.between(START, firstEnd).toSeconds();

        plan.completed(0L);

        assertEquals(firstEnd.plusSeconds(4 * length), plan.sliceEnd());
    }

    @Test
    void aWindowWithoutAStartIsReadFromTheBeginningWithAnOpenFirstSlice() {
        SlicePlan plan = new SlicePlan(null, NOW, 1000);

        assertNull(plan.start(), "the first slice has no start_time, so nothing older is missed");
        LocalDateTime end = plan.sliceEnd();
        assertEquals(SlicePlan.EARLIEST.plus(java.time.Duration.between(SlicePlan.EARLIEST, NOW).dividedBy(2))
                .withNano(0), end);
        plan.completed(10L);
        assertEquals(end, plan.start());
    }

    @Test
    void theLastSliceEndsThePlan() {
        SlicePlan plan = new SlicePlan(START, START.plusDays(2), 1000);
        plan.completed(100L);

        assertNull(plan.sliceEnd());
        assertThrows(IllegalStateException.class, () -> plan.completed(100L));
    }
}
