package io.github.camelokki.simulator;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The simulator pushing record changes to the webhook: only once switched on, only the subscribed events, each signed
 * with the webhook's secret as OKKI signs (X-Signature over X-Timestamp and the body). Decryption is checked end to
 * end by the sync application's tests, through the component's receiver.
 */
class EventPushesTest extends SimulatorTestSupport {

    private record Received(String timestamp, String signature, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;
    private String secret;

    @BeforeEach
    void receiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/okki/events", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Timestamp"),
                    exchange.getRequestHeaders().getFirst("X-Signature"), new String(body, StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        secret = OkkiEventPusher.newSecurityConfig();
        sim.webhook().configure("http://127.0.0.1:" + receiver.getAddress().getPort() + "/okki/events", secret);
        sim.webhook().subscribe("crm.company", "xiaoman.crm.company.update", "xiaoman.crm.company.delete");
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void pushesSubscribedChangesSignedWithTheWebhookSecret() throws Exception {
        Map<String, Object> company = sim.records("company").seed(2).get(0);
        Object id = company.get("company_id");
        sim.records("company").update(id, Map.of("name", "Not pushed Ltd"));
        sim.pushEvents(true);
        sim.records("company").create(Map.of("name", "Created Ltd")); // create is not subscribed
        sim.records("order").create(Map.of()); // nor is any order event
        sim.records("company").update(id, Map.of("name", "Pushed Ltd"));
        sim.records("company").delete(id);

        await(() -> sim.eventsPushed() == 2);
        assertEquals(0, sim.eventPushesFailed());
        assertEquals(2, received.size());
        OkkiEventPusher pusher = new OkkiEventPusher(secret);
        for (Received push : received) {
            assertEquals(pusher.sign(push.timestamp(), push.body().getBytes(StandardCharsets.UTF_8)),
                    push.signature());
        }
        assertEquals(List.of("msg_sim_1", "msg_sim_2"), received.stream()
                .map(r -> r.body().substring("{\"message_id\":\"".length(), r.body().indexOf("\",\"data\""))).toList());
    }

    @Test
    void aSecretMustBeWhatOkkiHandsOut() {
        assertEquals("security_config must be base64 of 32 bytes, not 3", assertThrows(IllegalArgumentException.class,
                () -> sim.webhook().configure("http://127.0.0.1/x", "YWJj")).getMessage());
    }

    @Test
    void aReceiverThatIsDownCountsAsAFailedPush() throws Exception {
        receiver.stop(0);
        sim.records("company").seed(1);
        sim.pushEvents(true);
        sim.records("company").update(sim.records("company").all().get(0).get("company_id"), Map.of());
        await(() -> sim.eventPushesFailed() == 1);
        assertEquals(0, sim.eventsPushed());
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("timed out");
            }
            Thread.sleep(20);
        }
    }
}
