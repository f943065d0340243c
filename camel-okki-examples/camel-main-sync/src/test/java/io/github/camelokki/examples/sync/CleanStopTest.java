package io.github.camelokki.examples.sync;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A stop as Ctrl-C makes it (the application runs as its main method runs it, and is told to complete, as Camel Main's
 * shutdown hook does) keeps the watermark of the last completed poll in the database, and the next start on the same
 * database resumes from it: its first list request asks OKKI only for what changed since then.
 */
class CleanStopTest {

    private static final DateTimeFormatter OKKI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final String COMPANY_LIST = "/v1/company/list";

    @Test
    void stopKeepsTheLastWatermarkAndTheNextStartResumesFromIt(@TempDir Path dir) throws Exception {
        // one OKKI account for both runs, as in real life; its clock frozen so that the watermark is known exactly
        LocalDateTime firstRun = LocalDateTime.of(2026, 11, 30, 10, 0, 0);
        try (OkkiSimulator okki = SyncApplicationTestSupport.account(firstRun, 5, 3)) {
            String dbUrl = "jdbc:h2:file:" + dir.resolve("okki") + ";DB_CLOSE_ON_EXIT=FALSE";

            SyncApplication first = SyncApplication.create(Map.of(), settings(okki, dbUrl));
            Thread running = run(first);
            await("a completed poll of each list", () -> marks(first).size() == 2);
            String mark = OKKI_TIME.format(firstRun);
            assertEquals(Map.of("okki:company/list", mark, "okki:order/list", mark), marks(first));
            first.main().completed();
            running.join(Duration.ofMinutes(2).toMillis());
            assertFalse(running.isAlive(), "the application stopped");

            // read with a connection of the test's own: the application closed its pool
            assertEquals(Map.of("okki:company/list", mark, "okki:order/list", mark), storedMarks(dbUrl));

            // while it was down: a minute passes and one customer changes
            okki.setNow(firstRun.plusMinutes(5));
            Object changed = okki.records("company").all().get(2).get("company_id");
            okki.records("company").update(changed, Map.of("name", "Changed While Down Ltd"));
            int requestsBefore = okki.requests(COMPANY_LIST).size();

            SyncApplication second = SyncApplication.create(Map.of(), settings(okki, dbUrl));
            Thread again = run(second);
            try {
                await("the changed customer synced", () -> "Changed While Down Ltd".equals(
                        SyncApplicationTestSupport.column(second, "SELECT name FROM okki_company WHERE company_id = "
                                + changed).get(0)));
                List<Map<String, String>> requests = okki.requests(COMPANY_LIST);
                Map<String, String> firstRequest = requests.get(requestsBefore);
                // the stored watermark less the consumer's overlap (60 s), never a read from the beginning
                assertEquals(OKKI_TIME.format(firstRun.minusSeconds(60)), firstRequest.get("start_time"),
                        firstRequest.toString());
                for (Map<String, String> request : requests.subList(requestsBefore, requests.size())) {
                    // the deleted listing (removed=1) is read in full each poll: OKKI does not date deletions
                    assertTrue(request.containsKey("start_time") || "1".equals(request.get("removed")),
                            "a live listing without start_time: " + request);
                }
                assertEquals(5, SyncApplicationTestSupport.count(second, "okki_company"));
            } finally {
                second.main().completed();
                again.join(Duration.ofMinutes(2).toMillis());
            }
            assertFalse(again.isAlive(), "the application stopped");
            assertNull(failure.get(), () -> "run failed: " + failure.get());
        }
    }

    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /** Runs the application as its main method does, on a thread of its own. */
    private Thread run(SyncApplication app) {
        Thread thread = new Thread(() -> {
            try {
                app.run();
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "sync-app");
        thread.start();
        return thread;
    }

    private static Properties settings(OkkiSimulator okki, String dbUrl) throws Exception {
        Properties overrides = SyncApplicationTestSupport.accountSettings(okki, dbUrl);
        overrides.setProperty("leads.inbox", "target/clean-stop-leads");
        return overrides;
    }

    private static Map<String, String> marks(SyncApplication app) {
        try {
            return new TreeMap<>(app.storedWatermarks());
        } catch (Exception e) {
            // before Camel started, the application's pool is up but may be busy creating tables: not yet
            return Map.of();
        }
    }

    private static Map<String, String> storedMarks(String dbUrl) throws Exception {
        Map<String, String> marks = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(dbUrl, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATE_KEY, STATE_VALUE FROM OKKI_STATE")) {
            while (rs.next()) {
                marks.put(rs.getString(1), rs.getString(2));
            }
        }
        return marks;
    }
}
