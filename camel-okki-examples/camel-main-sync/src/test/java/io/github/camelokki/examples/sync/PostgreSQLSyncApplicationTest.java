package io.github.camelokki.examples.sync;

import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same application on PostgreSQL: a real server (see {@link TestPostgres}) started for this class.
 */
class PostgreSQLSyncApplicationTest extends SyncApplicationTestSupport {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = TestPostgres.start(Map.of());
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Properties database() {
        return TestPostgres.settings(postgres, "postgres");
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "PostgreSQL 15";
    }
}
