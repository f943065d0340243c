package io.github.camelokki.okki;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.simulator.Fault;
import io.github.camelokki.simulator.Records;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every time-filtered list syncs exactly, against a simulator that models each list's own time filter from OKKI's
 * spec (lead/list's window follows the last contact unless asked otherwise, product/list has no default time_type,
 * quotation/list and trail/list name no time, deleting does not move the update time): the first sync delivers every
 * record once, then touching records (their update time moves, their contact time does not) delivers exactly those.
 * <p>
 * No test sleeps: after a change, a test waits for two more polls to start, so that one whole poll began after it.
 */
class ListChangeTrackingTest extends SimulatorTestSupport {

    private static final String POLL = "pageSize=10&delay=20&initialDelay=0";

    static Stream<String> timeFilteredLists() {
        return OperationCatalog.standard().operations().stream().filter(op -> op.changes() != null)
                .map(Operation::resource);
    }

    private void route(String uri) throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("sync").process(ListChangeTrackingTest.this::collect);
            }
        });
    }

    private OkkiPollingConsumer syncConsumer() {
        return pollingConsumer("sync");
    }

    /**
     * Starts the sync, waits until its first read completed and one whole poll more ended, checks that exactly the
     * expected records were delivered, then forgets them and moves OKKI's clock on, ready for changes.
     */
    private void firstSync(String uri, List<Object> expected) throws Exception {
        route(uri);
        await("the first sync", 60_000,
                () -> syncConsumer().getWatermark() != null && received.size() >= expected.size());
        awaitAWholePoll("sync");
        assertExactlyOnce(expected, ids(received));
        received.clear();
        sim.advance(Duration.ofMinutes(5));
    }

    private List<Object> touch(Records records, List<Object> ids, int... indexes) {
        List<Object> touched = new ArrayList<>();
        for (int i : indexes) {
            touched.add(records.update(ids.get(i), Map.of("note", "touched " + i)).get(records.idField()));
        }
        return touched;
    }

    @ParameterizedTest(name = "{0}/list")
    @MethodSource("timeFilteredLists")
    void firstSyncDeliversEveryRecordOnceThenExactlyTheTouchedOnes(String resource) throws Exception {
        Records records = sim.records(resource);
        List<Object> all = idsOf(records.seed(45), records.idField());
        firstSync("okki:" + resource + "/list?" + POLL, all);

        List<Object> touched = touch(records, all, 0, 17, 44);
        awaitAWholePoll("sync");

        assertExactlyOnce(touched, ids(received));
        for (Exchange exchange : received) {
            Map<?, ?> body = exchange.getMessage().getBody(Map.class);
            assertTrue(String.valueOf(body.get("note")).startsWith("touched "), body.toString());
            assertEquals(Boolean.FALSE, exchange.getMessage().getHeader(OkkiConstants.DELETED));
        }
    }

    @Test
    void leadsTouchedWithoutContactAreDelivered() throws Exception {
        Records leads = sim.records("lead");
        List<Object> all = idsOf(leads.seed(20), leads.idField());
        firstSync("okki:lead/list?" + POLL, all);

        leads.contact(all.get(3)); // contact time moves, update time does not: nothing changed in the record's data
        List<Object> edited = touch(leads, all, 5, 6);
        awaitAWholePoll("sync");

        assertExactlyOnce(edited, ids(received));
    }

    @Test
    void deletedOrdersAreFollowedByTheirDeletionTime() throws Exception {
        Records orders = sim.records("order");
        List<Object> all = idsOf(orders.seed(30), orders.idField());
        orders.delete(all.get(29));
        firstSync("okki:order/list?includeDeleted=true&" + POLL, all);

        orders.delete(all.get(2));
        orders.delete(all.get(3));
        awaitAWholePoll("sync");

        assertExactlyOnce(List.of(all.get(2), all.get(3)), ids(received));
        assertTrue(received.stream().allMatch(e -> Boolean.TRUE.equals(e.getMessage().getHeader(OkkiConstants.DELETED))));
    }

    @Test
    void aDeletedListingReadInFullStartsFromNowLikeTheLiveOne() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(25), companies.idField());
        companies.delete(all.get(0));
        companies.delete(all.get(1));
        // initialSync=now delivers nothing that happened before, deletions included
        firstSync("okki:company/list?includeDeleted=true&initialSync=now&" + POLL, List.of());

        companies.delete(all.get(7));
        List<Object> touched = touch(companies, all, 9);
        awaitAWholePoll("sync");

        assertExactlyOnce(List.of(all.get(7), touched.get(0)), ids(received));
        Exchange deletion = received.stream().filter(e -> all.get(7).equals(e.getMessage().getHeader(OkkiConstants.RECORD_ID)))
                .findFirst().orElseThrow();
        assertEquals(Boolean.TRUE, deletion.getMessage().getHeader(OkkiConstants.DELETED));
    }

    @Test
    void aListReadInFullHonoursInitialSyncNow() throws Exception {
        Records quotations = sim.records("quotation");
        List<Object> all = idsOf(quotations.seed(25), quotations.idField());
        firstSync("okki:quotation/list?initialSync=now&" + POLL, List.of());

        List<Object> touched = touch(quotations, all, 4, 20);
        awaitAWholePoll("sync");

        assertExactlyOnce(touched, ids(received));
    }

    @Test
    void aListReadInFullHonoursAnInitialSyncTime() throws Exception {
        Records trails = sim.records("trail");
        List<Object> all = idsOf(trails.seed(25), trails.idField());
        sim.advance(Duration.ofHours(1));
        String since = sim.clock().nowText();
        sim.advance(Duration.ofHours(1));
        List<Object> touched = touch(trails, all, 1, 2, 3);

        firstSync("okki:trail/list?initialSync=" + since + "&" + POLL, touched);
    }

    @Test
    void aFirstSyncWithEnvelopeServerErrorsCompletesInOnePoll() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(5000), companies.idField());
        sim.faults().seed(10).rate(0.05).kinds(Fault.ENVELOPE_500).paths("/v1/company/list");
        // the next poll would come only after ten minutes, far beyond the wait: the first one must complete the sync
        route("okki:company/list?pageSize=100&delay=600000&initialDelay=0");

        await("the first sync", 300_000, () -> syncConsumer().getWatermark() != null);

        assertEquals(1, syncConsumer().getStats().polls());
        assertExactlyOnce(all, ids(received));
        assertTrue(sim.requestCount("/v1/company/list") > 50, "some pages were answered with code 500 and retried");
    }
}
