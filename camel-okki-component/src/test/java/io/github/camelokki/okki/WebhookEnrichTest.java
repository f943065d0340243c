package io.github.camelokki.okki;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.camelokki.simulator.OkkiEventPusher.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * enrich=true: the body becomes the full record fetched through the module's info operation.
 */
class WebhookEnrichTest extends WebhookHttpTest {

    private static final String COMPANY_INFO = "/v1/company/info";

    @BeforeEach
    void okkiAnswers() {
        stubToken();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("company_id", 42);
        record.put("serial_id", "C-0042");
        record.put("name", "ACME Trading");
        record.put("country", "DE");
        stub(get(urlPathEqualTo(COMPANY_INFO)).withQueryParam("company_id", equalTo("42"))
                .willReturn(okJsonText(envelope(record))));
        stub(get(urlPathEqualTo(COMPANY_INFO)).withQueryParam("company_id", equalTo("13"))
                .willReturn(okJsonText(errorEnvelope(404, "record not found"))));
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events?enrich=true&securityConfig=" + secret(SECRET)).to("mock:events");
            }
        };
    }

    @Test
    void updateEventCarriesTheFullRecordAndTheIdsInAHeader() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        Answer answer = pusher.push(url(), "msg_enrich", List.of(
                event("xiaoman.crm.company.update", Map.of("company_id", 42))));

        assertEquals(200, answer.status());
        assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_enrich\"}}", answer.body());
        mock.assertIsSatisfied();
        Exchange received = mock.getExchanges().get(0);
        assertEquals(Map.of("company_id", 42, "serial_id", "C-0042", "name", "ACME Trading", "country", "DE"),
                received.getMessage().getBody(Map.class));
        assertEquals(Map.of("company_id", 42), received.getMessage().getHeader(OkkiConstants.EVENT_DATA));
        assertEquals("update", received.getMessage().getHeader(OkkiConstants.EVENT_ACTION));
        okki.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_INFO)).withQueryParam("company_id", equalTo("42"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void deleteEventKeepsTheIdsAndCallsNothing() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(1);

        Answer answer = pusher.push(url(), "msg_deleted", List.of(
                event("xiaoman.crm.company.delete", Map.of("company_id", 42))));

        assertEquals(200, answer.status());
        mock.assertIsSatisfied();
        Exchange received = mock.getExchanges().get(0);
        assertEquals(Map.of("company_id", 42), received.getMessage().getBody(Map.class));
        assertNull(received.getMessage().getHeader(OkkiConstants.EVENT_DATA));
        okki.verify(0, getRequestedFor(urlPathEqualTo(COMPANY_INFO)));
    }

    @Test
    void failedEnrichmentAnswers500SoOkkiRedelivers() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:events");
        mock.expectedMessageCount(0);

        Answer answer = pusher.push(url(), "msg_gone", List.of(
                event("xiaoman.crm.company.update", Map.of("company_id", 13))));

        assertEquals(500, answer.status());
        assertEquals("{\"code\":500,\"message\":\"processing failed\"}", answer.body());
        mock.assertIsSatisfied();
        assertEquals(1, warnings().size(), warnings().toString());
        okki.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_INFO)).withQueryParam("company_id", equalTo("13")));
    }
}
