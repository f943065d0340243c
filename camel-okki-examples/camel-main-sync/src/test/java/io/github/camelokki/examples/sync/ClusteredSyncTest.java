package io.github.camelokki.examples.sync;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.await;
import static io.github.camelokki.examples.sync.SyncApplicationTestSupport.column;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two nodes of the application in one JVM, clustered by a file lock in a shared folder, on one database and one OKKI
 * account: only the leader polls; when it stops, the other takes over from the watermark the leader stored. The
 * delivery log shows which node wrote what. {@link ZooKeeperFailoverIT} kills a leader process elected in ZooKeeper.
 */
class ClusteredSyncTest {

    private static final DateTimeFormatter OKKI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void onlyTheLeaderPollsAndTheOtherTakesOverFromItsWatermark(@TempDir Path lock) throws Exception {
        LocalDateTime start = LocalDateTime.of(2026, 11, 30, 10, 0, 0);
        try (OkkiSimulator okki = SyncApplicationTestSupport.account(start, 4, 2)) {

            SyncApplication a = SyncApplication.create(Map.of(), node(okki, lock, "node-a"));
            SyncApplication b = null;
            try {
                a.start();
                await("node-a to lead and sync", () -> pollers(a) == 2 && SyncApplicationTestSupport.count(a,
                        "okki_company") == 4 && SyncApplicationTestSupport.count(a, "OKKI_STATE") == 2);
                b = SyncApplication.create(Map.of(), node(okki, lock, "node-b"));
                b.start();
                // node-b is up (its events route and HTTP endpoints run) but leaves polling to the leader
                SyncApplication follower = b;
                await("node-b started", () -> follower.main().getCamelContext().getStatus().isStarted());
                assertEquals(0, pollers(b));
                assertEquals(2, pollers(a));
                // and is ready: a follower serves webhooks and the data
                HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + b.main().getCamelContext().resolvePropertyPlaceholders(
                                "{{camel.server.port}}") + "/observe/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, ready.statusCode(), ready.body());

                okki.setNow(start.plusMinutes(5));
                int requestsBefore = okki.requests("/v1/company/list").size();
                a.close();
                Object changed = okki.records("company").all().get(1).get("company_id");
                okki.records("company").update(changed, Map.of("name", "Synced By B GmbH"));
                await("node-b to take over and sync the change", () -> pollers(follower) == 2
                        && "Synced By B GmbH".equals(first(column(follower,
                                "SELECT name FROM okki_company WHERE company_id = " + changed))));
                // node-b asked OKKI from node-a's watermark (less the overlap), not from the beginning
                assertEquals(OKKI_TIME.format(start.minusSeconds(60)),
                        okki.requests("/v1/company/list").get(requestsBefore).get("start_time"));
                // the delivery log: node-a wrote every record once, node-b only the changed customer
                String byNode = "SELECT node_id || ' ' || listing || ' ' || COUNT(*) FROM okki_delivery"
                        + " GROUP BY node_id, listing ORDER BY node_id, listing";
                await("node-b's delivery", () -> column(follower, byNode).contains("node-b company 1"));
                assertEquals(List.of("node-a company 4", "node-a order 2", "node-b company 1"),
                        column(follower, byNode));
                assertEquals(List.of(changed), column(follower,
                        "SELECT record_id FROM okki_delivery WHERE node_id = 'node-b'"));
            } finally {
                a.close();
                if (b != null) {
                    b.close();
                }
            }
        }
    }

    private static Object first(List<Object> values) {
        return values.isEmpty() ? null : values.get(0);
    }

    /** The okki polling consumers running on the node. */
    private static int pollers(SyncApplication node) {
        OkkiComponent okki = (OkkiComponent) node.main().getCamelContext().hasComponent("okki");
        return okki == null ? 0 : okki.getPollingConsumers().size();
    }

    private static Properties node(OkkiSimulator okki, Path lock, String id) throws Exception {
        // one database for both nodes: a named in-memory H2 is shared within the JVM
        Properties overrides = SyncApplicationTestSupport.accountSettings(okki,
                "jdbc:h2:mem:okki-cluster;DB_CLOSE_DELAY=-1");
        overrides.setProperty("okki.cluster.enabled", "true");
        overrides.setProperty("okki.cluster.root", lock.toString());
        overrides.setProperty("okki.cluster.node-id", id);
        overrides.setProperty("okki.cluster.lock-interval", "500");
        overrides.setProperty("okki.sync.delivery-log", "true");
        overrides.setProperty("leads.inbox", lock.resolve("leads").toString());
        return overrides;
    }
}
