package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs the sync application against its embedded simulator and one database, given by the subclass: customers and
 * orders land in the database, a changed customer is updated there, the watermarks and delivered keys are kept in
 * the same database, a CSV file becomes leads in OKKI, and a webhook push is stored.
 */
abstract class SyncApplicationTestSupport {

    /** okki.db.url, okki.db.user and okki.db.password of an empty database. */
    protected abstract Properties database();

    /** What the JDBC driver must report as the database product, so that a test cannot run on the wrong one. */
    protected abstract String expectedDatabaseProduct();

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
        // the simulator changes nothing on its own here: the counts below are exact
        overrides.setProperty("okki.simulator.changes.period", "0");
        overrides.putAll(database());

        try (SyncApplication app = SyncApplication.create(Map.of(), overrides)) {
            assertEquals(expectedDatabaseProduct(), product(app));
            app.start();
            OkkiSimulator sim = app.simulator();
            List<Map<String, Object>> companyRecords = sim.records("company").all();
            List<Map<String, Object>> orderRecords = sim.records("order").all();
            List<Object> companies = ids(companyRecords, "company_id");
            List<Object> orders = ids(orderRecords, "order_id");

            await("the first sync", () -> count(app, "okki_company") == 25 && count(app, "okki_order") == 40);
            assertEquals(sorted(companies), column(app, "SELECT company_id FROM okki_company ORDER BY company_id"));
            assertEquals(sorted(orders), column(app, "SELECT order_id FROM okki_order ORDER BY order_id"));
            Map<String, Object> company = companyRecords.get(0);
            assertEquals(List.of(company.get("name"), company.get("country"), company.get("update_time"), false),
                    row(app, "SELECT name, country, update_time, deleted FROM okki_company WHERE company_id = "
                            + company.get("company_id")));
            Map<String, Object> order = orderRecords.get(0);
            List<Object> stored = row(app, "SELECT order_no, amount, currency, deleted FROM okki_order WHERE order_id = "
                    + order.get("order_id"));
            assertEquals(List.of(order.get("order_no"), order.get("currency"), false),
                    List.of(stored.get(0), stored.get(2), stored.get(3)));
            assertEquals(0, new BigDecimal(String.valueOf(order.get("amount")))
                    .compareTo((BigDecimal) stored.get(1)), "amount " + stored.get(1));

            sim.advance(Duration.ofMinutes(2));
            sim.records("company").update(companies.get(0), Map.of("name", "Renamed GmbH"));
            await("the changed customer", () -> "Renamed GmbH".equals(single(app,
                    "SELECT name FROM okki_company WHERE company_id = " + companies.get(0))));
            assertEquals(25, count(app, "okki_company"), "the change is an update, not a new row");
            // the simulator pushed the change as OKKI would, and okki-events stored it
            String pushed = "SELECT event_type FROM okki_event WHERE record_ids = '{\"company_id\":"
                    + companies.get(0) + "}'";
            await("the pushed event of the changed customer", () -> !column(app, pushed).isEmpty());
            assertEquals(List.of("xiaoman.crm.company.update"), column(app, pushed));

            // the consumers' watermarks and delivered keys are in the same database: one watermark per list, one
            // key per delivered version (25 customers, 40 orders, and the renamed customer's new version). A consumer
            // stores a record's key only once its exchange completed, after the route wrote the row, and a list's
            // watermark once its poll ended: wait for them, not for the rows
            await("the delivered keys and the watermarks", () -> deliveredKeys(app) >= 66
                    && count(app, "OKKI_STATE") >= 2);
            assertEquals(List.of("okki:company/list", "okki:order/list"),
                    column(app, "SELECT STATE_KEY FROM OKKI_STATE ORDER BY STATE_KEY"));
            for (Object watermark : column(app, "SELECT STATE_VALUE FROM OKKI_STATE")) {
                assertTrue(String.valueOf(watermark).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}"),
                        "a watermark in OKKI's time format: " + watermark);
            }
            assertEquals(66L, deliveredKeys(app));

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
            assertEquals(List.of(0, "xiaoman.crm.company.update"), row(app,
                    "SELECT event_index, event_type FROM okki_event WHERE message_id = 'msg_sync_1'"));
            assertEquals(2, count(app, "okki_event"), "the simulator's push and the test's");
        }
    }

    /**
     * An OKKI account of the test's own (client acme-client / acme-secret) for applications started with
     * {@link #accountSettings}, its clock frozen at the given time so that watermarks are known exactly.
     */
    static OkkiSimulator account(LocalDateTime now, int companies, int orders) {
        OkkiSimulator okki = OkkiSimulator.start();
        okki.client("acme-client", "acme-secret");
        okki.setNow(now);
        okki.records("company").seed(companies);
        okki.records("order").seed(orders);
        return okki;
    }

    /** The settings of an application that syncs the account on the database, on a free port, polling often. */
    static Properties accountSettings(OkkiSimulator okki, String dbUrl) throws IOException {
        Properties overrides = new Properties();
        overrides.setProperty("camel.component.okki.base-url", okki.baseUrl());
        overrides.setProperty("camel.component.okki.client-id", "acme-client");
        overrides.setProperty("camel.component.okki.client-secret", "acme-secret");
        overrides.setProperty("okki.sync.delay", "300");
        overrides.setProperty("okki.db.url", dbUrl);
        try (ServerSocket free = new ServerSocket(0)) {
            overrides.setProperty("camel.server.port", String.valueOf(free.getLocalPort()));
        }
        return overrides;
    }

    private static String product(SyncApplication app) throws SQLException {
        try (Connection c = app.database().getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseMajorVersion();
        }
    }

    static List<Object> ids(List<Map<String, Object>> records, String field) {
        return records.stream().map(r -> r.get(field)).toList();
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    static List<Object> sorted(List<Object> values) {
        List<Object> copy = new ArrayList<>(values);
        copy.sort((a, b) -> ((Comparable) a).compareTo(b));
        return copy;
    }

    static int count(SyncApplication app, String table) {
        return ((Number) single(app, "SELECT COUNT(*) FROM " + table)).intValue();
    }

    /** How many record keys the consumers stored as delivered. */
    private static long deliveredKeys(SyncApplication app) {
        return ((Number) single(app, "SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = 'okki-sync'"))
                .longValue();
    }

    private static Object single(SyncApplication app, String sql) {
        List<Object> values = column(app, sql);
        return values.isEmpty() ? null : values.get(0);
    }

    static List<Object> column(SyncApplication app, String sql) {
        return column(app.database(), sql);
    }

    /** The first column of every row the query returns. */
    static List<Object> column(DataSource db, String sql) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<Object> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getObject(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The one row the query returns, column by column. */
    private static List<Object> row(SyncApplication app, String sql) {
        try (Connection c = app.database().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), "no row for " + sql);
            List<Object> values = new ArrayList<>();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                values.add(rs.getObject(i));
            }
            assertFalse(rs.next(), "more than one row for " + sql);
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the condition holds; the deadline is far beyond what a correct run needs even on a busy 2-core
     * machine, where starting the application, its database and the first syncs can take a while.
     */
    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        await(what, Duration.ofMinutes(2), condition);
    }

    /** Waits until the condition holds, failing after the given patience. */
    static void await(String what, Duration patience, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + patience.toMillis();
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }
}
