package io.github.camelokki.kamelets;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.state.MemoryStateRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** okki-source in a route: a seeded list arrives once, record by record, as JSON with the consumer's headers. */
class OkkiSourceKameletTest extends KameletSimulatorTestSupport {

    private static final int COMPANIES = 7;

    /** Records what the consumer stores, to show the kamelet handed stateRepository on. */
    private final Map<String, String> stored = new java.util.concurrent.ConcurrentHashMap<>();
    private final MemoryStateRepository state = new MemoryStateRepository() {
        @Override
        public void setState(String key, String value) {
            stored.put(key, value);
            super.setState(key, value);
        }
    };
    private List<Map<String, Object>> seeded;

    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        // seeded before the route starts, so the first poll sees them all
        seeded = sim.records("company").seed(COMPANIES);
    }

    @Override
    protected RoutesBuilder createRouteBuilder() {
        context.getRegistry().bind("okkiState", state);
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:okki-source?resource=company&" + connection()
                        + "&pageSize=3&delay=200&stateRepository=#okkiState")
                        .routeId("okki-source-test")
                        .to("mock:companies");
            }
        };
    }

    @Test
    void deliversEachSeededCompanyOnce() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:companies");
        mock.expectedMessageCount(COMPANIES);
        mock.setResultWaitTime(PATIENCE_MILLIS);
        mock.assertIsSatisfied();
        // a whole poll more: nothing is delivered twice
        awaitAWholePoll();
        mock.assertIsSatisfied();

        Map<String, String> expected = seeded.stream()
                .collect(Collectors.toMap(r -> String.valueOf(r.get("company_id")), r -> (String) r.get("name")));
        assertEquals(COMPANIES, expected.size());
        ObjectMapper json = new ObjectMapper();
        Set<String> ids = new java.util.HashSet<>();
        for (Exchange exchange : mock.getReceivedExchanges()) {
            Object id = exchange.getMessage().getHeader("CamelOkkiRecordId");
            ids.add(String.valueOf(id));
            assertEquals("company", exchange.getMessage().getHeader("CamelOkkiResource"));
            assertEquals("application/json", exchange.getMessage().getHeader(Exchange.CONTENT_TYPE));
            String body = exchange.getMessage().getBody(String.class);
            Map<String, Object> record = json.readValue(body, new TypeReference<Map<String, Object>>() { });
            assertEquals(String.valueOf(id), String.valueOf(record.get("company_id")), body);
            assertEquals(expected.get(String.valueOf(id)), record.get("name"), body);
            assertEquals(sim.records("company").get(id).get("update_time"),
                    exchange.getMessage().getHeader("CamelOkkiUpdateTime"));
        }
        assertEquals(expected.keySet(), ids);
        // the kamelet passed stateRepository on to the consumer: the watermark is stored there, and beside it the
        // keys a resume would meet again, none here: every seeded record is older than the watermark less the overlap
        assertEquals(Set.of("okki:company/list", "okki:company/list|delivered"), stored.keySet(), "stored: " + stored);
        assertTrue(stored.get("okki:company/list").matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"),
                stored.toString());
        assertEquals("[]", stored.get("okki:company/list|delivered"));
    }
}
