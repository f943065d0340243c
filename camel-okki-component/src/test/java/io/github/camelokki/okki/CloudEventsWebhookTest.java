package io.github.camelokki.okki;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.okki.CloudEventsAssertions.assertCloudEvent;
import static io.github.camelokki.okki.CloudEventsAssertions.toCloudEvent;
import static io.github.camelokki.okki.CloudEventsAssertions.assertNoSecretIn;
import static io.github.camelokki.simulator.OkkiEventPusher.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * okki:application-cloudevents on the events of okki:events: a push signed and encrypted as OKKI does it, received over
 * HTTP, each event turned into a CloudEvent with exact attributes.
 */
class CloudEventsWebhookTest extends WebhookHttpTest {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events?securityConfig=" + secret(SECRET)
                        + "&eventTypes=xiaoman.crm.*,xiaoman.open.callback.*").routeId("events")
                        .process(toCloudEvent())
                        .to("mock:cloudevents");
            }
        };
    }

    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    @Test
    void eachEventOfAPushBecomesACloudEvent() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:cloudevents");
        mock.expectedMessageCount(3);
        long sent = now();
        String time = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(sent));

        Answer answer = pusher.push(url(), "msg_ce_1", OkkiEventPusher.plaintext(List.of(
                event("xiaoman.crm.company.update", fields("company_id", 42, "serial_id", "C-0042")),
                event("xiaoman.crm.order.delete", fields("order_id", 7001)),
                event("xiaoman.crm.mail.create", fields("mail_id", 5)))), sent);

        assertEquals(200, answer.status());
        mock.assertIsSatisfied();
        List<Exchange> events = mock.getExchanges();
        String source = "okki:events?clientId=test-client-id";
        assertCloudEvent(events.get(0), "msg_ce_1#0", "io.github.camelokki.okki.crm.company.update", source, "42",
                time);
        assertEquals("{\"company_id\":42,\"serial_id\":\"C-0042\"}", events.get(0).getMessage().getBody());
        assertCloudEvent(events.get(1), "msg_ce_1#1", "io.github.camelokki.okki.crm.order.delete", source, "7001",
                time);
        assertEquals("{\"order_id\":7001}", events.get(1).getMessage().getBody());
        // a module OKKI has no info operation for: the component does not know which member is the id, so no subject
        assertCloudEvent(events.get(2), "msg_ce_1#2", "io.github.camelokki.okki.crm.mail.create", source, null, time);
        assertEquals("{\"mail_id\":5}", events.get(2).getMessage().getBody());
        events.forEach(e -> assertNoSecretIn(e, SECRET));
        events.forEach(e -> assertNoSecretIn(e, CLIENT_SECRET));
    }

    @Test
    void theTestCallbackIsAnEventToo() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:cloudevents");
        mock.expectedMessageCount(1);
        long sent = now();

        Answer answer = pusher.push(url(), "msg_ce_test",
                "{\"biz\":[{\"biz_type\":\"xiaoman.open.callback.test\",\"biz_data\":\"ping-7f3a\"}]}", sent);

        assertEquals(200, answer.status());
        mock.assertIsSatisfied();
        Exchange test = mock.getExchanges().get(0);
        assertCloudEvent(test, "msg_ce_test#0", "io.github.camelokki.okki.open.callback.test",
                "okki:events?clientId=test-client-id", null,
                DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(sent)));
        assertEquals("\"ping-7f3a\"", test.getMessage().getBody(), "the text as JSON");
    }
}
