package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelokki.simulator.OkkiEventPusher.event;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * register=true: the callback and subscriptions are set up at startup, and the security_config OKKI issues on
 * webhook/create is the one pushes are then checked with.
 */
class WebhookRegisterTest extends WebhookHttpTest {

    private static final String ISSUED = OkkiEventPusher.newSecurityConfig();
    private static final String CALLBACK = "https://crm-hooks.example.com/okki/events";

    @Override
    protected void configure(OkkiComponent component) {
        stubToken();
        stub(get(urlPathEqualTo("/v1/webhook")).willReturn(okJsonText(errorEnvelope(404, "webhook not configured"))));
        stub(post(urlPathEqualTo("/v1/webhook")).willReturn(okJsonText(envelope(
                Map.of("security_method", "AES-256-GCM", "security_config", ISSUED)))));
        stub(get(urlPathEqualTo("/v1/subscribe/crm.company")).willReturn(okJsonText(errorEnvelope(404, "none"))));
        stub(post(urlPathEqualTo("/v1/subscribe")).willReturn(okJsonText(envelope(List.of("ok")))));
        stub(get(urlPathEqualTo("/v1/subscribe/crm.order")).willReturn(okJsonText(envelope(Map.of(
                "subscribe_type", "crm.order", "subscribe_config", List.of("xiaoman.crm.order.create"))))));
        stub(put(urlPathEqualTo("/v1/subscribe/crm.order")).willReturn(okJsonText(envelope(List.of("ok")))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events?register=true&callbackUrl=" + CALLBACK + "&subscriptions=crm.company,crm.order")
                        .to("mock:events");
            }
        };
    }

    @Test
    void registersCallbackAndSubscriptionsAndUsesTheIssuedSecret() throws Exception {
        okki.verify(postRequestedFor(urlPathEqualTo("/v1/webhook"))
                .withRequestBody(equalToJson("{\"callback_url\":\"" + CALLBACK + "\"}")));
        okki.verify(postRequestedFor(urlPathEqualTo("/v1/subscribe")).withRequestBody(equalToJson(
                "{\"subscribe_type\":\"crm.company\",\"subscribe_configs\":[{\"biz_type\":\"xiaoman.crm.company.create\"},"
                        + "{\"biz_type\":\"xiaoman.crm.company.update\"},{\"biz_type\":\"xiaoman.crm.company.delete\"}]}")));
        okki.verify(putRequestedFor(urlPathEqualTo("/v1/subscribe/crm.order")).withRequestBody(equalToJson(
                "{\"subscribe_type\":\"crm.order\",\"subscribe_configs\":[{\"biz_type\":\"xiaoman.crm.order.create\"},"
                        + "{\"biz_type\":\"xiaoman.crm.order.update\"},{\"biz_type\":\"xiaoman.crm.order.delete\"}]}")));
        okki.verify(1, postRequestedFor(urlPathEqualTo("/v1/subscribe")));

        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);
        Answer accepted = new OkkiEventPusher(ISSUED).push(url(), "msg_issued",
                List.of(event("xiaoman.crm.order.create", Map.of("order_id", 3))));
        Answer refused = pusher.push(url(), "msg_other", List.of(event("xiaoman.crm.order.create", Map.of("order_id", 4))));

        assertEquals(200, accepted.status());
        assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_issued\"}}", accepted.body());
        assertEquals(401, refused.status());
        mock.assertIsSatisfied();
    }
}
