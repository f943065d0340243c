package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckpointKeysTest {

    private static final String WATERMARK = "okki:company/list";
    private static final String A = "company:1@2026-11-30 10:00:00";
    private static final String B = "company:2@2026-11-30 10:05:00";
    private static final String C = "company:deleted:3@2026-11-30 10:09:59";

    @Test
    void keysSavedByOneRunAreInTheNextRunsKeyStore() {
        MemoryStateRepository state = new MemoryStateRepository();
        CheckpointKeys first = new CheckpointKeys(state, WATERMARK, "company/list");
        first.delivered(A);
        first.delivered(B);
        first.save();

        assertEquals("[\"" + A + "\",\"" + B + "\"]", state.getState(WATERMARK + "|delivered"));
        IdempotentRepository restarted = KeyStores.inMemory(10);
        CheckpointKeys second = new CheckpointKeys(state, WATERMARK, "company/list");
        second.restoreInto(restarted);
        assertTrue(restarted.contains(A));
        assertTrue(restarted.contains(B));
        assertEquals(2, second.size());
    }

    @Test
    void aMovedWatermarkDropsTheKeysAResumeCannotMeet() {
        MemoryStateRepository state = new MemoryStateRepository();
        CheckpointKeys keys = new CheckpointKeys(state, WATERMARK, "company/list");
        keys.delivered(A);
        keys.delivered(B);
        keys.delivered(C);
        keys.delivered("company:4@#0123abcd");

        keys.keepFrom(LocalDateTime.of(2026, 11, 30, 10, 5));
        keys.save();

        assertEquals("[\"" + B + "\",\"" + C + "\"]", state.getState(WATERMARK + "|delivered"));
    }

    @Test
    void writesOnlyWhenTheKeysChanged() {
        CountingState state = new CountingState(false);
        CheckpointKeys keys = new CheckpointKeys(state, WATERMARK, "company/list");
        keys.save();
        keys.delivered(A);
        keys.save();
        keys.save();
        keys.delivered(A);
        keys.save();
        keys.keepFrom(LocalDateTime.of(2026, 1, 1, 0, 0));
        keys.save();

        assertEquals(1, state.writes.get());
    }

    @Test
    void aStoreThatRefusesTheValueIsAskedOnceAndTheSyncGoesOn() {
        CountingState state = new CountingState(true);
        CheckpointKeys keys = new CheckpointKeys(state, WATERMARK, "company/list");
        keys.delivered(A);
        keys.save();
        keys.delivered(B);
        keys.save();

        assertEquals(1, state.writes.get());
        assertEquals(2, keys.size());
    }

    @Test
    void aDamagedValueIsIgnored() {
        MemoryStateRepository state = new MemoryStateRepository();
        state.setState(WATERMARK + "|delivered", "[\"company:1@2026");
        IdempotentRepository delivered = KeyStores.inMemory(10);
        CheckpointKeys keys = new CheckpointKeys(state, WATERMARK, "company/list");

        keys.restoreInto(delivered);

        assertEquals(0, keys.size());
        assertFalse(delivered.contains("company:1@2026"));
    }

    @Test
    void noneKeepsNothing() {
        CheckpointKeys.NONE.delivered(A);
        CheckpointKeys.NONE.keepFrom(LocalDateTime.MIN);
        CheckpointKeys.NONE.save();
        CheckpointKeys.NONE.restoreInto(KeyStores.inMemory(1));
        assertEquals(0, CheckpointKeys.NONE.size());
    }

    @Test
    void versionTimeIsTheUpdateTimeAKeyNames() {
        assertEquals(LocalDateTime.of(2026, 11, 30, 10, 9, 59), RecordKeys.versionTime(C));
        assertNull(RecordKeys.versionTime("company:4@#0123abcd"));
        assertNull(RecordKeys.versionTime("no version"));
    }

    /** Counts writes; may refuse them as a column too narrow for the value would. */
    private static final class CountingState implements StateRepository<String, String> {
        private final boolean refuse;
        private final AtomicInteger writes = new AtomicInteger();

        CountingState(boolean refuse) {
            this.refuse = refuse;
        }

        @Override
        public void setState(String key, String value) {
            writes.incrementAndGet();
            if (refuse) {
                throw new IllegalStateException("value too long for type character varying(500)");
            }
        }

        @Override
        public String getState(String key) {
            return null;
        }

        @Override
        public void start() {
        }

        @Override
        public void stop() {
        }
    }
}
