package io.github.camelokki.kamelets;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * okki-events-source in a route, served by a Vert.x platform-http server on a free port of 127.0.0.1; OKKI's side is
 * played by {@link OkkiEventPusher}, which signs and encrypts like OKKI. The secret reaches the kamelet through a
 * property placeholder and has a '+', which URI handling would turn into a space.
 */
class OkkiEventsSourceKameletTest extends CamelTestSupport {

    private static final String SECRET = secretWithPlus();

    private int port;

    private static String secretWithPlus() {
        String secret = OkkiEventPusher.newSecurityConfig();
        while (!secret.contains("+")) {
            secret = OkkiEventPusher.newSecurityConfig();
        }
        return secret;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        context.getPropertiesComponent().addInitialProperty("okki.webhook.secret", SECRET);
        return context;
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:okki-events-source?securityConfig={{okki.webhook.secret}}&webhookPath=/hooks/okki"
                        + "&eventTypes=xiaoman.crm.company.*")
                        .to("mock:events");
                // every default: /okki/events, every CRM event
                from("kamelet:okki-events-source?securityConfig={{okki.webhook.secret}}").to("mock:defaults");
                // the Kamelet's cloudevents output data type, as a Pipe applies it
                from("kamelet:okki-events-source?securityConfig={{okki.webhook.secret}}&webhookPath=/hooks/ce")
                        .transformDataType("okki:application-cloudevents")
                        .to("mock:cloudevents");
            }
        };
    }

    @Test
    void receivesSignedEncryptedPushesWithTheirHeaders() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(2);

        Answer answer = new OkkiEventPusher(SECRET).push(URI.create("http://127.0.0.1:" + port + "/hooks/okki"),
                "msg_kamelet_1", List.of(
                        OkkiEventPusher.event("xiaoman.crm.company.create", Map.of("company_id", 42, "serial_id", "C-0042")),
                        // not among eventTypes: acknowledged with the push, never routed
                        OkkiEventPusher.event("xiaoman.crm.order.update", Map.of("order_id", 7)),
                        OkkiEventPusher.event("xiaoman.crm.company.delete", Map.of("company_id", 43))));

        assertEquals(200, answer.status());
        assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_kamelet_1\"}}", answer.body());
        mock.assertIsSatisfied(5_000);

        ObjectMapper json = new ObjectMapper();
        List<Exchange> events = mock.getReceivedExchanges();
        Message created = events.get(0).getMessage();
        assertEquals("xiaoman.crm.company.create", created.getHeader("CamelOkkiEventType"));
        assertEquals("crm.company", created.getHeader("CamelOkkiEventModule"));
        assertEquals("create", created.getHeader("CamelOkkiEventAction"));
        assertEquals("msg_kamelet_1", created.getHeader("CamelOkkiMessageId"));
        assertEquals(0, created.getHeader("CamelOkkiEventIndex"));
        assertEquals("application/json", created.getHeader(Exchange.CONTENT_TYPE));
        assertEquals(Map.of("company_id", 42, "serial_id", "C-0042"),
                json.readValue(created.getBody(String.class), new TypeReference<Map<String, Object>>() { }));

        Message deleted = events.get(1).getMessage();
        assertEquals("xiaoman.crm.company.delete", deleted.getHeader("CamelOkkiEventType"));
        assertEquals("delete", deleted.getHeader("CamelOkkiEventAction"));
        assertEquals(2, deleted.getHeader("CamelOkkiEventIndex"));
        assertEquals(Map.of("company_id", 43),
                json.readValue(deleted.getBody(String.class), new TypeReference<Map<String, Object>>() { }));
        Long sent = created.getHeader("CamelOkkiEventTimestamp", Long.class);
        assertEquals(sent, deleted.getHeader("CamelOkkiEventTimestamp", Long.class));
        long now = System.currentTimeMillis() / 1000;
        assertEquals(true, Math.abs(now - sent) <= 5, "X-Timestamp " + sent + " vs now " + now);
    }

    @Test
    void servesEveryCrmEventOnTheDefaultPath() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:defaults");
        mock.expectedMessageCount(1);
        mock.expectedHeaderReceived("CamelOkkiEventType", "xiaoman.crm.order.update");
        mock.expectedHeaderReceived("CamelOkkiEventModule", "crm.order");
        mock.expectedHeaderReceived("CamelOkkiMessageId", "msg_kamelet_2");
        getMockEndpoint("mock:events").expectedMessageCount(0);

        Answer answer = new OkkiEventPusher(SECRET).push(URI.create("http://127.0.0.1:" + port + "/okki/events"),
                "msg_kamelet_2", List.of(
                        // OKKI's test callback is answered (its biz_data echoed) but, not named by eventTypes, not routed
                        OkkiEventPusher.event(OkkiEventPusher.TEST_EVENT, Map.of("ping", "k-1")),
                        OkkiEventPusher.event("xiaoman.crm.order.update", Map.of("order_id", 7))));

        assertEquals(200, answer.status());
        assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_kamelet_2\",\"data\":{\"ping\":\"k-1\"}}}",
                answer.body());
        MockEndpoint.assertIsSatisfied(context, 5, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals("{\"order_id\":7}", mock.getReceivedExchanges().get(0).getMessage().getBody(String.class));
    }

    @Test
    void theCloudEventsDataTypeMakesEachEventACloudEvent() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:cloudevents");
        mock.expectedMessageCount(1);
        long sent = System.currentTimeMillis() / 1000;

        Answer answer = new OkkiEventPusher(SECRET).push(URI.create("http://127.0.0.1:" + port + "/hooks/ce"),
                "msg_kamelet_ce", OkkiEventPusher.plaintext(List.of(
                        OkkiEventPusher.event("xiaoman.crm.lead.update", Map.of("lead_id", 3100000009L)))), sent);

        assertEquals(200, answer.status());
        mock.assertIsSatisfied(5_000);
        Message event = mock.getReceivedExchanges().get(0).getMessage();
        Map<String, Object> cloudEvent = new TreeMap<>();
        event.getHeaders().forEach((name, value) -> {
            if (name.startsWith("CamelCloudEvent")) {
                cloudEvent.put(name, value);
            }
        });
        assertEquals(new TreeMap<>(Map.of(
                "CamelCloudEventID", "msg_kamelet_ce#0",
                "CamelCloudEventType", "io.github.camelokki.okki.crm.lead.update",
                "CamelCloudEventSource", "okki:events",
                "CamelCloudEventSubject", "3100000009",
                "CamelCloudEventTime", DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(sent)),
                "CamelCloudEventVersion", "1.0",
                "CamelCloudEventDataContentType", "application/json")), cloudEvent);
        assertEquals("application/json", event.getHeader(Exchange.CONTENT_TYPE));
        assertEquals("{\"lead_id\":3100000009}", event.getBody(String.class));
    }

    @Test
    void refusesAPushSignedWithAnotherSecret() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(0);

        Answer answer = new OkkiEventPusher(OkkiEventPusher.newSecurityConfig()).push(
                URI.create("http://127.0.0.1:" + port + "/hooks/okki"), "msg_forged",
                List.of(OkkiEventPusher.event("xiaoman.crm.company.create", Map.of("company_id", 1))));

        // the answer comes once the push was handled: refused, before any routing
        assertEquals(401, answer.status());
        mock.assertIsSatisfied();
    }
}
