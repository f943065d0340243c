package io.github.camelokki.okki;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.state.JdbcStateRepository;
import io.github.camelokki.simulator.Records;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes (CamelContexts) poll the same list at once, without master:, on one shared state: the watermark in the
 * component's JdbcStateRepository and the keys in camel-sql's JdbcMessageIdRepository, each node with its own
 * repository instances over one H2 database. On Camel 4.17 this is what a node that lost leadership and its successor
 * may do for a while (CAMEL-24583/24584): nothing may be lost, and with claimBeforeRouting nothing may be delivered
 * twice.
 */
class ConsumerFencingTest extends SimulatorTestSupport {

    private static final int COMPANIES = 20_000;
    private static final String SYNC = "okki:company/list?pageSize=100&delay=50&initialDelay=0"
            + "&stateRepository=#state&idempotentRepository=#keys";

    @Test
    void withClaimsTwoConsumersOnSharedStateDeliverEveryRecordExactlyOnce() throws Exception {
        Delivered run = runTwoNodes("claims", true);

        assertExactlyOnce(run.all(), run.union());
    }

    /**
     * Keys stored after completion (the default): both nodes may deliver what they both had in flight, a record that
     * each found without a key, so how many are delivered twice depends on how the two threads interleave and is not
     * asserted; what is asserted is that nothing is lost and that no node delivers a record twice by itself.
     */
    @Test
    void withoutClaimsNothingIsLostAndDuplicatesAreOnlyBetweenTheNodes() throws Exception {
        Delivered run = runTwoNodes("no-claims", false);

        assertEquals(List.of(), duplicatesWithin(run.byA()), "node a delivered records twice by itself");
        assertEquals(List.of(), duplicatesWithin(run.byB()), "node b delivered records twice by itself");
        assertEquals(new HashSet<>(run.all()), new HashSet<>(run.union()), "the records delivered by either node");
    }

    /** A failed exchange removes its claim, or no consumer would ever deliver the record: a later poll delivers it. */
    @Test
    void aFailedExchangeReleasesItsClaim() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(30), companies.idField());
        Object failing = all.get(7);
        AtomicBoolean failedOnce = new AtomicBoolean();
        List<Object> delivered = new CopyOnWriteArrayList<>();
        context.getRegistry().bind("keys", MemoryIdempotentRepository.memoryIdempotentRepository());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?pageSize=10&delay=50&initialDelay=0&claimBeforeRouting=true"
                        + "&idempotentRepository=#keys").routeId("sync").process(e -> {
                            if (failing.equals(e.getMessage().getHeader(OkkiConstants.RECORD_ID))
                                    && failedOnce.compareAndSet(false, true)) {
                                throw new IllegalStateException("the route fails once for " + failing);
                            }
                            recordOnSuccess(e, delivered);
                        });
            }
        });

        await("every company, the one that failed on a later poll", Waiting.PATIENCE_MILLIS,
                () -> delivered.size() >= all.size());
        awaitAWholePoll("sync");

        assertTrue(failedOnce.get(), "the route never failed");
        assertExactlyOnce(all, delivered);
    }

    /**
     * Seeds the companies, starts both nodes, waits until every record was delivered and a whole poll of each node
     * after that delivered nothing more, and stops them. Each node holds its first exchange until the other has one
     * too, so that both provably poll at once, whatever the machine's speed.
     */
    private Delivered runTwoNodes(String database, boolean claims) throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(COMPANIES), companies.idField());
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:okki-fence-" + database + ";DB_CLOSE_DELAY=-1");
        List<Object> byA = new CopyOnWriteArrayList<>();
        List<Object> byB = new CopyOnWriteArrayList<>();
        CountDownLatch bothRouting = new CountDownLatch(2);
        CamelContext nodeA = node(db, claims, byA, bothRouting);
        CamelContext nodeB = node(db, claims, byB, bothRouting);
        try {
            nodeA.start();
            nodeB.start();
            Set<Object> ids = new HashSet<>(all);
            await("every company delivered by one node or the other", 180_000,
                    () -> distinct(byA, byB).containsAll(ids) && watermarkStored(nodeA));
            awaitAWholePoll(pollingConsumer(nodeA));
            awaitAWholePoll(pollingConsumer(nodeB));
            // both nodes storing one key at once must not fail a poll (the key store refuses the second insert)
            for (CamelContext node : List.of(nodeA, nodeB)) {
                assertEquals(0, pollingConsumer(node).getStats().failedPolls(),
                        () -> node.getName() + ": " + pollingConsumer(node).getStats().lastError());
            }
        } finally {
            nodeA.stop();
            nodeB.stop();
        }
        assertFalse(byA.isEmpty() || byB.isEmpty(), "both nodes should have delivered: a=" + byA.size() + " b="
                + byB.size());
        List<Object> union = new ArrayList<>(byA);
        union.addAll(byB);
        return new Delivered(all, byA, byB, union);
    }

    /** A node: its own repositories over the shared database, its route recording what it delivered. */
    private static CamelContext node(JdbcDataSource db, boolean claims, List<Object> delivered,
            CountDownLatch bothRouting) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.addComponent("okki", component());
        ctx.getRegistry().bind("state", new JdbcStateRepository(db));
        ctx.getRegistry().bind("keys", new JdbcMessageIdRepository(db, "okki-companies"));
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(SYNC + "&claimBeforeRouting=" + claims).process(e -> {
                    if (bothRouting.getCount() > 0) {
                        bothRouting.countDown();
                        if (!bothRouting.await(Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                            throw new IllegalStateException("the other node never routed a record");
                        }
                    }
                    recordOnSuccess(e, delivered);
                });
            }
        });
        return ctx;
    }

    private static boolean watermarkStored(CamelContext node) {
        return pollingConsumer(node).getWatermark() != null;
    }

    private static Set<Object> distinct(List<Object> a, List<Object> b) {
        Set<Object> union = new HashSet<>(a);
        union.addAll(b);
        return union;
    }

    private static List<Object> duplicatesWithin(List<Object> delivered) {
        Map<Object, Long> counts = delivered.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
    }

    /** What a run delivered: every id seeded, what each node delivered, and both together. */
    private record Delivered(List<Object> all, List<Object> byA, List<Object> byB, List<Object> union) {
    }
}
