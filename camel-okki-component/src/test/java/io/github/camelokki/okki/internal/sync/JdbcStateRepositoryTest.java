package io.github.camelokki.okki.internal.sync;

import java.sql.Connection;
import java.time.LocalDateTime;

import io.github.camelokki.okki.state.JdbcStateRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The state table on connections with and without auto-commit: what one connection stores, another reads; and the
 * watermark's compare-and-set between writers that each hold their own repository on the same table, as nodes do.
 */
class JdbcStateRepositoryTest {

    private static final String KEY = "okki:company/list";

    @Test
    void storesAndUpdatesWithAutoCommit() throws Exception {
        JdbcDataSource db = h2("auto");
        JdbcStateRepository state = started(new JdbcStateRepository(db));

        assertNull(state.getState(KEY));
        state.setState(KEY, "2026-11-25 10:00:00");
        state.setState(KEY, "2026-11-25 10:05:00");
        assertEquals("2026-11-25 10:05:00", new JdbcStateRepository(db).getState(KEY));
    }

    @Test
    void commitsItsWritesWhenConnectionsComeWithoutAutoCommit() throws Exception {
        JdbcDataSource db = h2("manual");
        try (SingleConnectionDataSource manual = new SingleConnectionDataSource(db.getURL(), true)) {
            manual.setAutoCommit(false);
            try (Connection c = manual.getConnection()) {
                assertFalse(c.getAutoCommit());
            }
            JdbcStateRepository state = started(new JdbcStateRepository(manual, "SYNC_STATE"));
            state.setState(KEY, "2026-11-25 10:00:00");
            state.setState(KEY, "2026-11-25 10:05:00");

            // another connection sees only what was committed
            assertEquals("2026-11-25 10:05:00", new JdbcStateRepository(db, "SYNC_STATE").getState(KEY));
        }
    }

    @Test
    void aStaleWriterCannotMoveTheWatermarkBack() throws Exception {
        JdbcDataSource db = h2("stale");
        JdbcStateRepository leader = started(new JdbcStateRepository(db));
        JdbcStateRepository stale = started(new JdbcStateRepository(db));

        assertTrue(stale.advanceState(KEY, "2026-11-25 10:00:00"), "the first watermark is inserted");
        assertTrue(leader.advanceState(KEY, "2026-11-25 10:05:00"));
        assertFalse(stale.advanceState(KEY, "2026-11-25 10:03:00"), "an older watermark must not be stored");
        assertFalse(stale.advanceState(KEY, "2026-11-25 10:05:00"), "an equal one changes nothing");
        assertEquals("2026-11-25 10:05:00", leader.getState(KEY));
        assertFalse(new Watermark(stale, KEY).advance(LocalDateTime.of(2026, 11, 25, 9, 0)),
                "the consumer's watermark goes through the compare-and-set");
        assertEquals("2026-11-25 10:05:00", stale.getState(KEY));

        // setState stays a plain write, for whoever resets a watermark on purpose
        stale.setState(KEY, "2026-11-01 00:00:00");
        assertEquals("2026-11-01 00:00:00", leader.getState(KEY));
    }

    @Test
    void aNullValueLeftInATableIsOvertaken() throws Exception {
        JdbcDataSource db = h2("null");
        JdbcStateRepository state = started(new JdbcStateRepository(db));
        state.setState(KEY, null);

        assertTrue(state.advanceState(KEY, "2026-11-25 10:00:00"));
        assertEquals("2026-11-25 10:00:00", state.getState(KEY));
    }

    /** Nodes, each with its own repository on the table, race to move one watermark: see {@link WatermarkRace}. */
    @Test
    void concurrentWritersEndAtTheGreatestWatermark() throws Exception {
        JdbcDataSource db = h2("race");
        WatermarkRace.run(() -> new Watermark(started(new JdbcStateRepository(db)), KEY));
    }

    private static JdbcDataSource h2(String name) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:state-" + name + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    private static JdbcStateRepository started(JdbcStateRepository repository) {
        repository.start();
        return repository;
    }
}
