package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;

import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watermark over a store without compare-and-set (Camel's MemoryStateRepository): forward only, and atomic between
 * consumers sharing the one instance.
 */
class WatermarkTest {

    private static final String KEY = "okki:company/list";

    @Test
    void movesOnlyForward() {
        Watermark watermark = new Watermark(new MemoryStateRepository(), KEY);
        LocalDateTime ten = LocalDateTime.of(2026, 11, 25, 10, 0);

        assertTrue(watermark.advance(ten));
        assertFalse(watermark.advance(ten.minusSeconds(1)), "an older time must not be stored");
        assertFalse(watermark.advance(ten), "an equal one changes nothing");
        assertTrue(watermark.advance(ten.plusSeconds(1)));
        assertEquals(ten.plusSeconds(1), watermark.get().orElseThrow());
    }

    @Test
    void consumersSharingOneInstanceEndAtTheGreatest() throws Exception {
        MemoryStateRepository shared = new MemoryStateRepository();
        WatermarkRace.run(() -> new Watermark(shared, KEY));
    }
}
