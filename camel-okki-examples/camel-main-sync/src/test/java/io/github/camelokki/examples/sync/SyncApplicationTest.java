package io.github.camelokki.examples.sync;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the sync application against its embedded simulator: customers and orders land in the database, a changed
 * customer is updated there, a CSV file becomes leads in OKKI, and a webhook push is stored.
 */
class SyncApplicationTest {

    @Test
    void syncsCustomersOrdersLeadsAndEvents(@TempDir Path inbox) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Properties overrides = new Properties();
        overrides.setProperty("okki.sync.delay", "300");
        overrides.setProperty("leads.inbox", inbox.toString());
        overrides.setProperty("camel.server.port", String.valueOf(port));
        overrides.setProperty("okki.db.url", "jdbc:h2:mem:okki-sync-test;DB_CLOSE_DELAY=-1");

        try (SyncApplication app = SyncApplication.create(Map.of(), overrides)) {
            app.start();
            OkkiSimulator sim = app.simulator();
            List<Object> companies = ids(sim.records("company").all(), "company_id");
            List<Object> orders = ids(sim.records("order").all(), "order_id");

            await("the first sync", () -> count(app, "okki_company") == 25 && count(app, "okki_order") == 40);
            assertEquals(sorted(companies), column(app, "SELECT company_id FROM okki_company ORDER BY company_id"));
            assertEquals(sorted(orders), column(app, "SELECT order_id FROM okki_order ORDER BY order_id"));

            sim.advance(java.time.Duration.ofMinutes(2));
            sim.records("company").update(companies.get(0), Map.of("name", "Renamed GmbH"));
            await("the changed customer", () -> "Renamed GmbH".equals(single(app,
                    "SELECT name FROM okki_company WHERE company_id = " + companies.get(0))));

            Files.writeString(inbox.resolve("leads.csv"),
                    "name,country,contact,email\nFjord Fishing AS,NO,Kari Nordmann,kari@fjord.example\n"
                            + "Pampa Foods SA,AR,Juan Perez,juan@pampa.example\n");
            await("the leads", () -> sim.records("lead").size() == 2);
            List<Object> leadNames = new ArrayList<>();
            sim.records("lead").all().forEach(l -> leadNames.add(l.get("name")));
            assertEquals(List.of("Fjord Fishing AS", "Pampa Foods SA"), sorted(leadNames));

            OkkiEventPusher pusher = new OkkiEventPusher(app.webhookSecret());
            OkkiEventPusher.Answer answer = pusher.push(URI.create("http://127.0.0.1:" + port + "/okki/events"),
                    "msg_sync_1", List.of(OkkiEventPusher.event("xiaoman.crm.company.update",
                            Map.of("company_id", companies.get(1)))));
            assertEquals(200, answer.status(), answer.body());
            assertEquals("xiaoman.crm.company.update", single(app,
                    "SELECT event_type FROM okki_event WHERE message_id = 'msg_sync_1'"));
        }
    }

    private static List<Object> ids(List<Map<String, Object>> records, String field) {
        return records.stream().map(r -> r.get(field)).toList();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static List<Object> sorted(List<Object> values) {
        List<Object> copy = new ArrayList<>(values);
        copy.sort((a, b) -> ((Comparable) a).compareTo(b));
        return copy;
    }

    private static int count(SyncApplication app, String table) {
        return ((Number) single(app, "SELECT COUNT(*) FROM " + table)).intValue();
    }

    private static Object single(SyncApplication app, String sql) {
        List<Object> values = column(app, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    private static List<Object> column(SyncApplication app, String sql) {
        try (Connection c = app.database().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<Object> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
