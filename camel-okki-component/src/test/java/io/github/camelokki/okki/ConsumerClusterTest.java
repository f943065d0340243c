package io.github.camelokki.okki;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.okki.internal.health.OkkiConsumerHealthCheck;
import io.github.camelokki.simulator.Records;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.ThreadPoolProfile;
import org.apache.camel.support.DefaultThreadPoolFactory;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.util.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes (CamelContexts) share a file-lock cluster service and file state. Only the leader polls; when it stops in
 * the middle of a sync, the other takes over from its watermark and keys, and together they deliver every record
 * exactly once.
 */
@RequiresCamelModule("camel-master")
class ConsumerClusterTest extends SimulatorTestSupport {

    @Test
    void followerTakesOverFromTheLeaderWithoutLossOrDuplicates(@TempDir Path dir) throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(2000), companies.idField());
        List<Object> byA = new CopyOnWriteArrayList<>();
        List<Object> byB = new CopyOnWriteArrayList<>();

        // node a leads, and is held in the middle of the sync (at the record after its 600th) until it is stopped
        Hold hold = new Hold();
        CamelContext nodeA = node("a", dir, byA, hold, null);
        nodeA.start();
        hold.awaitHeld("node a to lead and sync part");
        LockAttempts attemptsOfB = new LockAttempts();
        CamelContext nodeB = node("b", dir, byB, null, attemptsOfB);
        nodeB.start();
        // two lock attempts of node b ended while node a held the lock: node b had its chances to take over
        await("two lock attempts of node b", Waiting.PATIENCE_MILLIS, () -> attemptsOfB.count() >= 2);
        assertTrue(byB.isEmpty(), "the follower must not poll while the leader holds the lock");
        assertEquals(List.of("sync"), consoleRoutes(nodeA), "the leader's okki console lists its consumer");
        assertEquals(List.of(), consoleRoutes(nodeB), "the follower runs no okki consumer");
        assertTrue(pollDetails(nodeA).containsKey(OkkiConsumerHealthCheck.POLLS),
                "the leader's consumer:sync check shows the okki poll: " + pollDetails(nodeA));
        assertFalse(pollDetails(nodeB).containsKey(OkkiConsumerHealthCheck.POLLS),
                "the follower's check has no okki poll: " + pollDetails(nodeB));

        stopWhileHeld(nodeA, hold);
        await("node b to take over and finish", 120_000, () -> byA.size() + byB.size() >= 2000);
        awaitAWholePoll(pollingConsumer(nodeB));
        assertEquals(List.of("sync"), consoleRoutes(nodeB), "after taking over, node b's console lists the consumer");
        nodeB.stop();

        assertTrue(byA.size() < 2000 && !byB.isEmpty(), "both nodes should have delivered part: a=" + byA.size()
                + " b=" + byB.size());
        List<Object> union = new java.util.ArrayList<>(byA);
        union.addAll(byB);
        assertExactlyOnce(all, union);
    }

    /** The details of the route's consumer readiness check, as Camel's consumers repository reports it. */
    private static Map<String, Object> pollDetails(CamelContext node) {
        HealthCheck check = HealthCheckHelper.getHealthCheckRepository(node, "consumers").stream()
                .filter(c -> c.getId().equals("consumer:sync")).findFirst().orElseThrow();
        return check.call(Map.of(HealthCheck.CHECK_KIND, HealthCheck.Kind.READINESS)).getDetails();
    }

    /** The route ids of the polling consumers the okki dev console of a node lists. */
    private static List<String> consoleRoutes(CamelContext node) throws Exception {
        DevConsole console = PluginHelper.getDevConsoleResolver(node).resolveDevConsole("okki");
        JsonObject json = (JsonObject) console.call(DevConsole.MediaType.JSON);
        List<JsonObject> consumers = json.getCollection("consumers");
        return consumers.stream().map(c -> c.getString("routeId")).toList();
    }

    /**
     * Counts the lock attempts of a node's file-lock cluster service: its scheduled executor runs nothing else, each
     * attempt a task of its own. Every other scheduled pool of the node is Camel's own.
     */
    private static final class LockAttempts extends DefaultThreadPoolFactory {

        private final AtomicLong attempts = new AtomicLong();

        long count() {
            return attempts.get();
        }

        @Override
        public ScheduledExecutorService newScheduledThreadPool(ThreadPoolProfile profile, ThreadFactory threads) {
            if (!threads.newThread(() -> { }).getName().contains(FileLockClusterService.class.getSimpleName())) {
                return super.newScheduledThreadPool(profile, threads);
            }
            ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(profile.getPoolSize(), threads) {
                @Override
                protected void afterExecute(Runnable task, Throwable thrown) {
                    super.afterExecute(task, thrown);
                    attempts.incrementAndGet();
                }
            };
            executor.setRemoveOnCancelPolicy(true);
            return executor;
        }
    }

    /**
     * A node; with a hold, its route holds the record after the 600th it delivered; with lock attempts, they count the
     * node's attempts to take the lock.
     */
    private static CamelContext node(String name, Path dir, List<Object> delivered, Hold hold, LockAttempts attempts)
            throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.getCamelContextExtension().setName("node-" + name);
        if (attempts != null) {
            ctx.getExecutorServiceManager().setThreadPoolFactory(attempts);
        }
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setId("node-" + name);
        cluster.setRoot(dir.resolve("cluster").toString());
        cluster.setAcquireLockDelay(10, TimeUnit.MILLISECONDS);
        // A leader whose heartbeat is late (a busy CI machine) must not be declared dead while it still polls
        cluster.setAcquireLockInterval(500, TimeUnit.MILLISECONDS);
        cluster.setHeartbeatTimeoutMultiplier(6);
        ctx.addService(cluster);
        ctx.addComponent("okki", component());
        File state = dir.resolve("state.dat").toFile();
        File keys = dir.resolve("keys.dat").toFile();
        ctx.getRegistry().bind("state", FileStateRepository.fileStateRepository(state));
        ctx.getRegistry().bind("keys", FileIdempotentRepository.fileIdempotentRepository(keys, 100_000));
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("master:okki-sync:okki:company/list?pageSize=50&delay=50&initialDelay=0"
                        + "&stateRepository=#state&idempotentRepository=#keys").routeId("sync")
                        .process(e -> {
                            if (hold != null && delivered.size() >= 600) {
                                hold.holdOnce();
                            }
                            recordOnSuccess(e, delivered);
                        });
            }
        });
        return ctx;
    }
}
