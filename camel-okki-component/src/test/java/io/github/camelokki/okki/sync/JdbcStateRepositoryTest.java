package io.github.camelokki.okki.sync;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The state table on connections with and without auto-commit: what one connection stores, another reads.
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

    private static JdbcDataSource h2(String name) {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:state-" + name + ";DB_CLOSE_DELAY=-1");
        return db;
    }

    private static JdbcStateRepository started(JdbcStateRepository repository) throws SQLException {
        repository.start();
        return repository;
    }
}
