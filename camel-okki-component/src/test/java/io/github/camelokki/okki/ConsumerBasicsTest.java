package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The polling consumer's contract on a fixed answer: one exchange per record with its headers, the window of the
 * next poll, and no re-delivery of what was delivered.
 */
class ConsumerBasicsTest extends OkkiTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?pageSize=2&delay=100&initialDelay=0&param.all=2").routeId("sync")
                        .autoStartup(false).to("mock:records");
            }
        };
    }

    @Test
    void deliversEachRecordOnceAndAsksOnlyForChangesAfterwards() throws Exception {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo("1"))
                .willReturn(okJsonText(envelope(Map.of("totalItem", 3, "list", List.of(
                        Map.of("company_id", 1, "update_time", "2026-11-25 09:00:00"),
                        Map.of("company_id", 2, "update_time", "2026-11-25 09:30:00")))))));
        stub(get(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo("2"))
                .willReturn(okJsonText(envelope(Map.of("totalItem", 3, "list", List.of(
                        Map.of("company_id", 3, "update_time", "2026-11-25 09:45:00")))))));
        MockEndpoint mock = getMockEndpoint("mock:records");
        mock.expectedMessageCount(3);
        mock.setResultWaitTime(Waiting.PATIENCE_MILLIS);

        context.getRouteController().startRoute("sync");
        mock.assertIsSatisfied();
        // a whole poll after the three: it re-reads records 1 and 2 (the stub ignores start_time) and delivers nothing
        Waiting.untilAWholePoll((OkkiPollingConsumer) context.getRoute("sync").getConsumer());

        assertEquals(3, mock.getReceivedCounter(), "re-read records must not be delivered again");
        List<Object> ids = mock.getExchanges().stream().map(e -> e.getMessage().getHeader(OkkiConstants.RECORD_ID))
                .toList();
        assertEquals(List.of(1, 2, 3), ids);
        Exchange first = mock.getExchanges().get(0);
        assertEquals("company", first.getMessage().getHeader(OkkiConstants.RESOURCE));
        assertEquals("2026-11-25 09:00:00", first.getMessage().getHeader(OkkiConstants.UPDATE_TIME));
        assertEquals(false, first.getMessage().getHeader(OkkiConstants.DELETED));
        assertEquals(0, first.getProperty(Exchange.BATCH_INDEX));
        assertEquals(3, first.getProperty(Exchange.BATCH_SIZE));
        assertEquals(true, mock.getExchanges().get(2).getProperty(Exchange.BATCH_COMPLETE));
        // the first poll reads everything; later polls ask for changes since OKKI's time of the first, less 60 s
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo("1"))
                .withQueryParam("start_time", absent()).withQueryParam("all", equalTo("2")));
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo("1"))
                .withQueryParam("start_time", equalTo("2026-11-25 09:59:00"))
                .withQueryParam("time_type", equalTo("1")).withQueryParam("count", equalTo("2")));
    }
}
