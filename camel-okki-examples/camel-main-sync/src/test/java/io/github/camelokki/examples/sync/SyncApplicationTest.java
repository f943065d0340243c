package io.github.camelokki.examples.sync;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The sync application on its default database, H2 in memory.
 */
class SyncApplicationTest extends SyncApplicationTestSupport {

    @Override
    protected Properties database() {
        Properties db = new Properties();
        db.setProperty("okki.db.url", "jdbc:h2:mem:okki-sync-test;DB_CLOSE_DELAY=-1");
        return db;
    }

    @Override
    protected String expectedDatabaseProduct() {
        return "H2 2";
    }

    /** With camel.component.okki.* set, the application syncs that OKKI and starts no simulator of its own. */
    @Test
    void syncsTheOkkiGivenByComponentProperties() throws Exception {
        try (OkkiSimulator account = OkkiSimulator.start()) {
            account.client("acme-client", "acme-secret");
            account.records("company").seed(3);
            account.records("order").seed(2);
            Properties overrides = new Properties();
            overrides.setProperty("camel.component.okki.base-url", account.baseUrl());
            overrides.setProperty("camel.component.okki.client-id", "acme-client");
            overrides.setProperty("camel.component.okki.client-secret", "acme-secret");
            try (ServerSocket free = new ServerSocket(0)) {
                overrides.setProperty("camel.server.port", String.valueOf(free.getLocalPort()));
            }
            overrides.setProperty("okki.db.url", "jdbc:h2:mem:okki-sync-account;DB_CLOSE_DELAY=-1");

            try (SyncApplication app = SyncApplication.create(Map.of(), overrides)) {
                assertNull(app.simulator(), "no embedded simulator when an account is configured");
                app.start();
                await("the sync of the account", () -> count(app, "okki_company") == 3 && count(app, "okki_order") == 2);
                List<Object> companies = ids(account.records("company").all(), "company_id");
                assertEquals(sorted(companies), column(app, "SELECT company_id FROM okki_company ORDER BY company_id"));
                assertEquals(0, count(app, "okki_event"), "no webhook secret given: the events route stays stopped");
            }
        }
    }
}
