package io.github.camelokki.examples.sync;

import java.net.ServerSocket;
import java.sql.Connection;
import java.util.Map;
import java.util.Properties;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where the application takes its settings from, and that it refuses a half-set OKKI connection instead of sending
 * one account's settings somewhere else.
 */
class SyncConfigurationTest {

    private static Properties port() throws Exception {
        Properties props = new Properties();
        try (ServerSocket free = new ServerSocket(0)) {
            props.setProperty("camel.server.port", String.valueOf(free.getLocalPort()));
        }
        return props;
    }

    private static String refusal(Map<String, String> env, Properties overrides) {
        return assertThrows(IllegalArgumentException.class, () -> SyncApplication.create(env, overrides)).getMessage();
    }

    @Test
    void aClientIdWithoutASecretStopsTheStart() throws Exception {
        assertEquals("The OKKI connection is half set: a client id but no camel.component.okki.client-secret (or"
                + " OKKI_CLIENT_SECRET). Set both to sync a real OKKI account, or neither to sync the embedded"
                + " simulator.", refusal(Map.of("OKKI_CLIENT_ID", "acme-client"), port()));
    }

    @Test
    void aSecretWithoutAClientIdStopsTheStart() throws Exception {
        Properties overrides = port();
        overrides.setProperty("camel.component.okki.client-secret", "acme-secret");

        assertEquals("The OKKI connection is half set: a client secret but no camel.component.okki.client-id (or"
                + " OKKI_CLIENT_ID). Set both to sync a real OKKI account, or neither to sync the embedded simulator.",
                refusal(Map.of(), overrides));
    }

    @Test
    void aBaseUrlWithoutCredentialsStopsTheStart() throws Exception {
        assertEquals("The OKKI connection is half set: a base URL (https://okki.example.com) but no client id and"
                + " secret. Set camel.component.okki.client-id and client-secret (or OKKI_CLIENT_ID and"
                + " OKKI_CLIENT_SECRET) for the account there, or remove the base URL to sync the embedded simulator.",
                refusal(Map.of("CAMEL_COMPONENT_OKKI_BASE_URL", "https://okki.example.com"), port()));
    }

    @Test
    void theDatabaseIsPooledAndConfiguredFromTheEnvironment() throws Exception {
        String url = "jdbc:h2:mem:okki-sync-env;DB_CLOSE_DELAY=-1";
        try (SyncApplication app = SyncApplication.create(Map.of("OKKI_DB_URL", url), port())) {
            HikariDataSource pool = assertInstanceOf(HikariDataSource.class, app.database());
            assertEquals(url, pool.getJdbcUrl());
            assertEquals("okki-sync", pool.getPoolName());
            try (Connection c = pool.getConnection()) {
                assertTrue(c.getMetaData().getURL().startsWith("jdbc:h2:mem:okki-sync-env"), c.getMetaData().getURL());
            }
            assertTrue(app.simulator() != null, "no credentials: the embedded simulator");
        }
    }

    @Test
    void aSystemPropertyWinsOverTheEnvironment() throws Exception {
        String url = "jdbc:h2:mem:okki-sync-sysprop;DB_CLOSE_DELAY=-1";
        String before = System.getProperty("okki.db.url");
        System.setProperty("okki.db.url", url);
        try (SyncApplication app = SyncApplication.create(
                Map.of("OKKI_DB_URL", "jdbc:h2:mem:okki-sync-not-this;DB_CLOSE_DELAY=-1"), port())) {
            assertEquals(url, ((HikariDataSource) app.database()).getJdbcUrl());
        } finally {
            if (before == null) {
                System.clearProperty("okki.db.url");
            } else {
                System.setProperty("okki.db.url", before);
            }
        }
        assertNull(System.getProperty("okki.db.url"));
    }
}
