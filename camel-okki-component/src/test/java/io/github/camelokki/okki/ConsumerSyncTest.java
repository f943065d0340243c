package io.github.camelokki.okki;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.sync.ServerTime;
import io.github.camelokki.simulator.Fault;
import io.github.camelokki.simulator.Records;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Incremental sync against the stateful simulator: each test asserts the exact set of record ids delivered, with no
 * duplicates and no loss.
 */
class ConsumerSyncTest extends SimulatorTestSupport {

    private static final String POLL = "delay=50&initialDelay=0";
    private static final String COMPANIES = "okki:company/list?pageSize=100&" + POLL;

    private void route(String uri) throws Exception {
        route(uri, this::collect);
    }

    private void route(String uri, org.apache.camel.Processor processor) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("sync").process(processor);
            }
        });
    }

    private OkkiPollingConsumer syncConsumer() {
        return pollingConsumer("sync");
    }

    @Test
    void firstSyncDeliversEveryRecordThenOnlyWhatChanged() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(2500), companies.idField());
        route(COMPANIES);

        await("the first sync", 120_000, () -> received.size() >= 2500 && syncConsumer().getWatermark() != null);
        assertExactlyOnce(all, ids(received));

        received.clear();
        sim.advance(Duration.ofMinutes(5));
        List<Object> touched = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            touched.add(companies.update(all.get(i * 300), Map.of("name", "Renamed " + i)).get("company_id"));
        }
        for (int i = 0; i < 3; i++) {
            touched.add(companies.create(Map.of("name", "New " + i)).get("company_id"));
        }
        await("the changes", 60_000, () -> received.size() >= 10);
        awaitAWholePoll("sync");

        assertExactlyOnce(touched, ids(received));
        Exchange renamed = received.stream().filter(e -> all.get(0).equals(e.getMessage().getHeader(OkkiConstants.RECORD_ID)))
                .findFirst().orElseThrow();
        assertEquals("Renamed 0", renamed.getMessage().getBody(Map.class).get("name"));
        assertEquals(sim.records("company").get(all.get(0)).get("update_time"),
                renamed.getMessage().getHeader(OkkiConstants.UPDATE_TIME));
    }

    @Test
    void deletedRecordsAreDeliveredWithTheDeletionHeader() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(30), companies.idField());
        route(COMPANIES + "&includeDeleted=true");
        await("the first sync", 60_000, () -> received.size() >= 30 && syncConsumer().getWatermark() != null);

        received.clear();
        sim.advance(Duration.ofMinutes(1));
        companies.delete(all.get(3));
        companies.delete(all.get(4));
        await("the deletions", 60_000, () -> received.size() >= 2);
        awaitAWholePoll("sync");

        assertExactlyOnce(List.of(all.get(3), all.get(4)), ids(received));
        assertTrue(received.stream().allMatch(e -> Boolean.TRUE.equals(e.getMessage().getHeader(OkkiConstants.DELETED))));
    }

    @Test
    void tokenExpiringInTheMiddleOfAPaginationLosesNothing() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(500), companies.idField());
        AtomicInteger seen = new AtomicInteger();
        route(COMPANIES, exchange -> {
            if (seen.incrementAndGet() == 250) {
                sim.expireTokens();
            }
            collect(exchange);
        });

        await("the sync", 60_000, () -> received.size() >= 500 && syncConsumer().getWatermark() != null);
        awaitAWholePoll("sync");

        assertExactlyOnce(all, ids(received));
        assertEquals(2, sim.tokenRequests(), "one token at the start, one after the expiry");
    }

    @Test
    void injectedServerErrorsAndResetsLoseNothingAndDuplicateNothing() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(1000), companies.idField());
        sim.faults().rate(0.2).kinds(Fault.HTTP_500, Fault.HTTP_503, Fault.CONNECTION_RESET, Fault.EMPTY_RESPONSE)
                .seed(7);
        route(COMPANIES + "&maxRetries=2");

        await("the sync", 180_000, () -> received.size() >= 1000 && syncConsumer().getWatermark() != null);
        sim.advance(Duration.ofMinutes(1));
        Object changed = companies.update(all.get(10), Map.of("name", "after faults")).get("company_id");
        await("the change", 60_000, () -> received.size() >= 1001);
        awaitAWholePoll("sync");
        sim.faults().off();

        List<Object> expected = new ArrayList<>(all);
        List<Object> got = new ArrayList<>(ids(received));
        assertEquals(1001, got.size());
        got.remove(changed);
        assertExactlyOnce(expected, got);
    }

    @Test
    void aFailedExchangeIsDeliveredAgainOnALaterPoll() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(50), companies.idField());
        Object unlucky = all.get(17);
        AtomicBoolean failedOnce = new AtomicBoolean();
        route(COMPANIES, exchange -> {
            if (unlucky.equals(exchange.getMessage().getHeader(OkkiConstants.RECORD_ID)) && failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("target system down");
            }
            collect(exchange);
        });

        await("the retry of the failed record", 60_000, () -> received.size() >= 50);
        awaitAWholePoll("sync");

        assertTrue(failedOnce.get());
        assertExactlyOnce(all, ids(received));
    }

    @Test
    void initialSyncNowDeliversOnlyLaterChanges() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(40), companies.idField());
        route(COMPANIES + "&initialSync=now");
        await("the watermark", 60_000, () -> syncConsumer().getWatermark() != null);

        sim.advance(Duration.ofMinutes(2));
        Object changed = companies.update(all.get(5), Map.of("name", "changed")).get("company_id");
        await("the change", 60_000, () -> received.size() >= 1);
        awaitAWholePoll("sync");

        assertExactlyOnce(List.of(changed), ids(received));
    }

    /** Camel's FileStateRepository refuses '=' in a key: a filter's watermark is kept as |name:value. */
    @Test
    void aFilteredSyncKeepsItsWatermarkInAFile(@TempDir Path dir) throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(30), companies.idField());
        FileStateRepository state = FileStateRepository.fileStateRepository(dir.resolve("state.dat").toFile());
        context.getRegistry().bind("state", state);
        route(COMPANIES + "&all=1&stateRepository=#state");

        await("the watermark", 60_000, () -> syncConsumer().getWatermark() != null);
        awaitAWholePoll("sync");

        assertExactlyOnce(all, ids(received));
        assertEquals(ServerTime.format(syncConsumer().getWatermark()), state.getState("okki:company/list|all:1"));
    }

    /** Versions before 1.0 kept a filtered watermark under |name=value: an upgrade resumes from it. */
    @Test
    void aWatermarkUnderTheEarlierKeyIsResumedFrom() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(20), companies.idField());
        MemoryStateRepository state = new MemoryStateRepository();
        state.setState("okki:company/list|all=1", ServerTime.format(sim.now()));
        context.getRegistry().bind("state", state);
        sim.advance(Duration.ofMinutes(2));
        Object changed = companies.update(all.get(3), Map.of("name", "changed")).get("company_id");
        route(COMPANIES + "&all=1&stateRepository=#state");

        await("the change", 60_000, () -> received.size() >= 1);
        awaitAWholePoll("sync");

        assertExactlyOnce(List.of(changed), ids(received));
        assertEquals(ServerTime.format(syncConsumer().getWatermark()), state.getState("okki:company/list|all:1"));
    }

    @Test
    void listsWithoutTimeFiltersAreDeduplicatedByContent() throws Exception {
        Records warehouses = sim.records("warehouse");
        List<Object> all = idsOf(warehouses.seed(12), warehouses.idField());
        route("okki:warehouse/list?delay=50&initialDelay=0");
        await("the first scan", 60_000, () -> received.size() >= 12);
        awaitAWholePoll("sync");
        assertExactlyOnce(all, ids(received));

        received.clear();
        warehouses.update(all.get(2), Map.of("warehouse_name", "Moved"));
        await("the change", 60_000, () -> received.size() >= 1);
        awaitAWholePoll("sync");
        assertExactlyOnce(List.of(all.get(2)), ids(received));
    }

    @Test
    void splitResultFalseDeliversPages() throws Exception {
        Records orders = sim.records("order");
        List<Object> all = idsOf(orders.seed(250), orders.idField());
        route("okki:order/list?pageSize=100&splitResult=false&delay=50&initialDelay=0");

        await("the pages", 60_000, () -> received.size() >= 3);
        awaitAWholePoll("sync");

        assertEquals(3, received.size());
        List<Object> got = new ArrayList<>();
        for (Exchange page : received) {
            for (Object record : assertInstanceOf(List.class, page.getMessage().getBody())) {
                got.add(((Map<?, ?>) record).get("order_id"));
            }
        }
        assertExactlyOnce(all, got);
    }

    @Test
    void aRestartInTheMiddleOfASyncResumesWithoutLossOrDuplicates(@TempDir Path dir) throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(2500), companies.idField());
        File stateFile = dir.resolve("state.dat").toFile();
        File keysFile = dir.resolve("keys.dat").toFile();
        List<Object> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();

        // the first run is stopped while it holds the record after the 1000th, in the middle of a page
        Hold hold = new Hold();
        CamelContext first = syncContext(stateFile, keysFile, delivered, hold);
        first.start();
        hold.awaitHeld("part of the sync");
        stopWhileHeld(first, hold);
        int beforeRestart = delivered.size();
        assertTrue(beforeRestart < 2500, "the first run should stop in the middle, delivered " + beforeRestart);

        CamelContext second = syncContext(stateFile, keysFile, delivered, null);
        second.start();
        try {
            await("the rest of the sync", 120_000, () -> delivered.size() >= 2500);
            awaitAWholePoll(pollingConsumer(second));
        } finally {
            second.stop();
        }
        assertExactlyOnce(all, delivered);
    }

    /** A context syncing companies into the list; with a hold, it holds the record after the 1000th delivered. */
    private static CamelContext syncContext(File stateFile, File keysFile, List<Object> delivered, Hold hold)
            throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.addComponent("okki", component());
        ctx.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile));
        ctx.getRegistry().bind("keys", FileIdempotentRepository.fileIdempotentRepository(keysFile, 100_000));
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?pageSize=50&" + POLL + "&stateRepository=#state&idempotentRepository=#keys")
                        .process(e -> {
                            if (hold != null && delivered.size() >= 1000) {
                                hold.holdOnce();
                            }
                            recordOnSuccess(e, delivered);
                        });
            }
        });
        return ctx;
    }
}
