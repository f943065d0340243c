package io.github.camelokki.okki;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import io.github.camelokki.simulator.OkkiEventPusher;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.simulator.OkkiEventPusher.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round trips through okki:events over HTTP: what the route receives, what OKKI is answered, and what is refused.
 */
class WebhookConsumerTest extends WebhookHttpTest {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final CountDownLatch slowEntered = new CountDownLatch(1);
    private final CountDownLatch slowRelease = new CountDownLatch(1);

    @BindToRegistry("webhookRepo")
    private final MemoryIdempotentRepository webhookRepo = new MemoryIdempotentRepository();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events?securityConfig=" + secret(SECRET) + "&maxBodySize=4096").routeId("events")
                        .process(e -> {
                            if (failuresLeft.getAndDecrement() > 0) {
                                throw new IllegalStateException("downstream system unavailable");
                            }
                        })
                        .to("mock:events");
                from("okki:events?webhookPath=/okki/companies&securityConfig=" + secret(SECRET)
                        + "&timestampTolerance=0&eventTypes=xiaoman.crm.company.*,xiaoman.open.callback.*")
                        .routeId("companies").to("mock:companies");
                from("okki:events?webhookPath=/okki/slow&securityConfig=" + secret(SECRET)
                        + "&idempotentRepository=#webhookRepo")
                        .routeId("slow")
                        .process(e -> {
                            slowEntered.countDown();
                            slowRelease.await(Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
                        })
                        .to("mock:slow");
            }
        };
    }

    private static Map<String, Object> ids(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static String ack(String messageId) {
        return "{\"code\":200,\"data\":{\"message_id\":\"" + messageId + "\"}}";
    }

    private void assertRefusedWithoutSecrets(int count) {
        List<String> warnings = warnings();
        assertEquals(count, warnings.size(), warnings.toString());
        warnings.forEach(w -> assertFalse(w.contains(SECRET), "WARN line shows the secret: " + w));
        warnings.forEach(w -> assertFalse(w.contains("THROWN"), "WARN line carries a stack trace: " + w));
    }

    @Test
    void eachBizEntryBecomesOneExchangeWithHeadersAndTheIdsAsBody() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(2);

        long ts = now();
        Answer answer = pusher.push(url(), "msg_round_trip", OkkiEventPusher.plaintext(List.of(
                event("xiaoman.crm.company.update", ids("company_id", 42, "serial_id", "C-0042")),
                event("xiaoman.crm.order.create", ids("order_id", 7001, "order_no", "SO-7001")))), ts);

        assertEquals(200, answer.status());
        assertEquals(ack("msg_round_trip"), answer.body());
        mock.assertIsSatisfied();
        Exchange first = mock.getExchanges().get(0);
        assertEquals(Map.of("company_id", 42, "serial_id", "C-0042"), first.getMessage().getBody(Map.class));
        assertEquals("xiaoman.crm.company.update", first.getMessage().getHeader(OkkiConstants.EVENT_TYPE));
        assertEquals("crm.company", first.getMessage().getHeader(OkkiConstants.EVENT_MODULE));
        assertEquals("update", first.getMessage().getHeader(OkkiConstants.EVENT_ACTION));
        assertEquals("msg_round_trip", first.getMessage().getHeader(OkkiConstants.MESSAGE_ID));
        assertEquals(0, first.getMessage().getHeader(OkkiConstants.EVENT_INDEX));
        assertEquals(ts, first.getMessage().getHeader(OkkiConstants.EVENT_TIMESTAMP));
        assertEquals(null, first.getMessage().getHeader("X-Signature"));
        Exchange second = mock.getExchanges().get(1);
        assertEquals(Map.of("order_id", 7001, "order_no", "SO-7001"), second.getMessage().getBody(Map.class));
        assertEquals("xiaoman.crm.order.create", second.getMessage().getHeader(OkkiConstants.EVENT_TYPE));
        assertEquals("crm.order", second.getMessage().getHeader(OkkiConstants.EVENT_MODULE));
        assertEquals("create", second.getMessage().getHeader(OkkiConstants.EVENT_ACTION));
        assertEquals(1, second.getMessage().getHeader(OkkiConstants.EVENT_INDEX));
        assertRefusedWithoutSecrets(0);
    }

    @Test
    void testCallbackIsAnsweredWithTheDecryptedBizData() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);
        getMockEndpoint("mock:companies").expectedMessageCount(1);

        String plaintext = "{\"biz\":[{\"biz_type\":\"xiaoman.open.callback.test\",\"biz_data\":\"ping-7f3a\"}]}";
        Answer byDefault = pusher.push(url(), "msg_test_1", plaintext, now());
        Answer named = pusher.push(url("/okki/companies"), "msg_test_2", plaintext, now());

        assertEquals(200, byDefault.status());
        assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_test_1\",\"data\":\"ping-7f3a\"}}", byDefault.body());
        assertEquals(200, named.status());
        assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_test_2\",\"data\":\"ping-7f3a\"}}", named.body());
        MockEndpoint.assertIsSatisfied(context);
        Exchange test = getMockEndpoint("mock:companies").getExchanges().get(0);
        assertEquals("ping-7f3a", test.getMessage().getBody());
        assertEquals("open.callback", test.getMessage().getHeader(OkkiConstants.EVENT_MODULE));
        assertEquals("test", test.getMessage().getHeader(OkkiConstants.EVENT_ACTION));
    }

    @Test
    void eventTypesFilterAcknowledgesWithoutEmittingOtherTypes() throws Exception {
        MockEndpoint companies = getMockEndpoint("mock:companies");
        companies.expectedMessageCount(1);
        companies.expectedHeaderReceived(OkkiConstants.EVENT_TYPE, "xiaoman.crm.company.delete");

        Answer answer = pusher.push(url("/okki/companies"), "msg_filter", List.of(
                event("xiaoman.crm.order.update", ids("order_id", 1)),
                event("xiaoman.crm.company.delete", ids("company_id", 9, "serial_id", "C-9")),
                event("xiaoman.crm.lead.create", ids("lead_id", 3))));

        assertEquals(200, answer.status());
        assertEquals(ack("msg_filter"), answer.body());
        companies.assertIsSatisfied();
        assertEquals(Map.of("company_id", 9, "serial_id", "C-9"),
                companies.getExchanges().get(0).getMessage().getBody(Map.class));
        assertEquals(1, companies.getExchanges().get(0).getMessage().getHeader(OkkiConstants.EVENT_INDEX));
    }

    @Test
    void duplicateMessageIsAcknowledgedWithoutEmittingAgain() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        List<OkkiEventPusher.Event> events = List.of(event("xiaoman.crm.company.create", ids("company_id", 5)));

        Answer first = pusher.push(url(), "msg_dup", events);
        Answer again = pusher.push(url(), "msg_dup", events); // OKKI's retry: same id, fresh encryption and signature

        // each answer comes only once its push went through the route (or was found a duplicate): both were handled
        assertEquals(200, first.status());
        assertEquals(ack("msg_dup"), first.body());
        assertEquals(200, again.status());
        assertEquals(ack("msg_dup"), again.body());
        mock.assertIsSatisfied();
        assertEquals(1, mock.getReceivedCounter());
    }

    @Test
    void failedRouteAnswers500AndTheRedeliveryIsEmittedAndAcknowledged() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        failuresLeft.set(1);
        List<OkkiEventPusher.Event> events = List.of(event("xiaoman.crm.company.update", ids("company_id", 77)));

        Answer failed = pusher.push(url(), "msg_retry", events);
        assertEquals(500, failed.status());
        assertEquals("{\"code\":500,\"message\":\"processing failed\"}",
                failed.body());
        assertEquals(0, mock.getReceivedCounter());

        Answer redelivered = pusher.push(url(), "msg_retry", events);
        assertEquals(200, redelivered.status());
        assertEquals(ack("msg_retry"), redelivered.body());
        mock.assertIsSatisfied();
        assertEquals(Map.of("company_id", 77), mock.getExchanges().get(0).getMessage().getBody(Map.class));

        List<String> warnings = warnings();
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("WARN okki:events could not process push msg_retry; answered 500 so OKKI redelivers it:"
                + " java.lang.IllegalStateException: downstream system unavailable", warnings.get(0));
    }

    @Test
    void missingSignatureIsRefusedWith401() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);
        byte[] body = OkkiEventPusher.body("msg_nosig", pusher.encrypt("{\"biz\":[]}")).getBytes(StandardCharsets.UTF_8);

        Answer answer = pusher.post(url(), body, Map.of("X-Timestamp", Long.toString(now())));

        assertEquals(401, answer.status());
        assertEquals("{\"code\":401,\"message\":\"missing signature\"}", answer.body());
        MockEndpoint.assertIsSatisfied(context);
        assertRefusedWithoutSecrets(1);
        assertTrue(warnings().get(0).startsWith("WARN okki:events refused a push from 127.0.0.1"), warnings().get(0));
        assertTrue(warnings().get(0).endsWith("with 401: no X-Signature header"), warnings().get(0));
    }

    @Test
    void forgedSignatureIsRefusedWith401() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);
        OkkiEventPusher stranger = new OkkiEventPusher(OkkiEventPusher.newSecurityConfig());

        Answer answer = stranger.push(url(), "msg_forged", List.of(event("xiaoman.crm.company.delete", ids("company_id", 1))));

        assertEquals(401, answer.status());
        assertEquals("{\"code\":401,\"message\":\"invalid signature\"}", answer.body());
        MockEndpoint.assertIsSatisfied(context);
        assertRefusedWithoutSecrets(1);
        assertTrue(warnings().get(0).endsWith("with 401: X-Signature does not match the body"), warnings().get(0));
    }

    @Test
    void tamperedBodyIsRefusedWith401() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);
        String ts = Long.toString(now());
        byte[] body = OkkiEventPusher.body("msg_tamper", pusher.encrypt(
                "{\"biz\":[{\"biz_type\":\"xiaoman.crm.company.delete\",\"biz_data\":{\"company_id\":1}}]}"))
                .getBytes(StandardCharsets.UTF_8);
        String signature = pusher.sign(ts, body);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("msg_tamper", "msg_tampex")
                .getBytes(StandardCharsets.UTF_8);

        Answer answer = pusher.post(url(), tampered, Map.of("X-Timestamp", ts, "X-Signature", signature));
        // the same signature with another timestamp (a replay that moves the clock) fails as well
        Answer moved = pusher.post(url(), body, Map.of("X-Timestamp", Long.toString(Long.parseLong(ts) - 1), "X-Signature",
                signature));

        assertEquals(401, answer.status());
        assertEquals("{\"code\":401,\"message\":\"invalid signature\"}", answer.body());
        assertEquals(401, moved.status());
        MockEndpoint.assertIsSatisfied(context);
        assertRefusedWithoutSecrets(2);
    }

    @Test
    void staleOrFutureTimestampIsRefusedWith401() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);
        String plaintext = "{\"biz\":[{\"biz_type\":\"xiaoman.crm.company.update\",\"biz_data\":{\"company_id\":1}}]}";

        Answer stale = pusher.push(url(), "msg_stale", plaintext, now() - 301);
        Answer future = pusher.push(url(), "msg_future", plaintext, now() + 400);

        assertEquals(401, stale.status());
        assertEquals("{\"code\":401,\"message\":\"stale timestamp\"}", stale.body());
        assertEquals(401, future.status());
        assertEquals("{\"code\":401,\"message\":\"stale timestamp\"}", future.body());
        MockEndpoint.assertIsSatisfied(context);
        assertRefusedWithoutSecrets(2);
        assertTrue(warnings().get(0).contains("tolerance 300 s"), warnings().get(0));
    }

    @Test
    void toleranceZeroAcceptsAnOldTimestamp() throws Exception {
        getMockEndpoint("mock:companies").expectedMessageCount(1);

        Answer answer = pusher.push(url("/okki/companies"), "msg_old",
                "{\"biz\":[{\"biz_type\":\"xiaoman.crm.company.update\",\"biz_data\":{\"company_id\":1}}]}",
                now() - 86_400);

        assertEquals(200, answer.status());
        assertEquals(ack("msg_old"), answer.body());
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void undecryptableDataIsRefusedWith400() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);
        // correctly signed, but the data was encrypted under another key
        String otherKeyData = new OkkiEventPusher(OkkiEventPusher.newSecurityConfig()).encrypt("{\"biz\":[]}");
        byte[] body = OkkiEventPusher.body("msg_garbled", otherKeyData).getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(now());
        byte[] notBase64 = OkkiEventPusher.body("msg_garbled2", "%%%").getBytes(StandardCharsets.UTF_8);

        Answer answer = pusher.post(url(), body, Map.of("X-Timestamp", ts, "X-Signature", pusher.sign(ts, body)));
        Answer garbage = pusher.post(url(), notBase64, Map.of("X-Timestamp", ts, "X-Signature",
                pusher.sign(ts, notBase64)));

        assertEquals(400, answer.status());
        assertEquals("{\"code\":400,\"message\":\"undecryptable data\"}",
                answer.body());
        assertEquals(400, garbage.status());
        assertEquals("{\"code\":400,\"message\":\"undecryptable data\"}",
                garbage.body());
        MockEndpoint.assertIsSatisfied(context);
        assertRefusedWithoutSecrets(2);
    }

    @Test
    void oversizedBodyIsRefusedWith413() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(0);

        Answer answer = pusher.push(url(), "msg_big", List.of(
                event("xiaoman.crm.company.update", ids("company_id", 1, "padding", "x".repeat(5000)))));

        assertEquals(413, answer.status());
        assertEquals("{\"code\":413,\"message\":\"body too large\"}", answer.body());
        MockEndpoint.assertIsSatisfied(context);
        assertRefusedWithoutSecrets(1);
    }

    @Test
    void redeliveryWhileTheFirstDeliveryIsStillInTheRouteIsAnswered503AndProcessedKeysGoToTheRepository()
            throws Exception {
        MockEndpoint slow = getMockEndpoint("mock:slow");
        slow.expectedMessageCount(1);
        List<OkkiEventPusher.Event> events = List.of(event("xiaoman.crm.product.update", ids("product_id", 5)));

        CompletableFuture<Answer> first = CompletableFuture.supplyAsync(() -> pusher.push(url("/okki/slow"), "msg_slow",
                events));
        assertTrue(slowEntered.await(Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS));
        Answer early = pusher.push(url("/okki/slow"), "msg_slow", events);
        slowRelease.countDown();

        assertEquals(503, early.status());
        assertEquals("{\"code\":503,\"message\":\"message is being processed\"}", early.body());
        assertEquals(200, first.get(Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS).status());
        assertEquals(ack("msg_slow"), first.get().body());
        slow.assertIsSatisfied();
        MemoryIdempotentRepository bound = context.getRegistry().lookupByNameAndType("webhookRepo",
                MemoryIdempotentRepository.class);
        MemoryIdempotentRepository used = (MemoryIdempotentRepository) ((OkkiWebhookConsumer) context.getRoute("slow")
                .getConsumer()).idempotentRepository();
        assertSame(bound, used);
        assertTrue(used.contains("msg_slow#0"));
        assertEquals(1, used.getCacheSize());
    }

    @Test
    void getIsNotServed() throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(url()).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
    }
}
