package io.github.camelokki.kamelets;

import java.time.LocalDateTime;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * okki-source's cloudevents output in a Pipe, as Camel's YAML DSL runs one: the source's output data type
 * okki:application-cloudevents, then Camel's CloudEvents HTTP binding (http:application-cloudevents) on the sink. What
 * arrives is a CloudEvent in HTTP binary mode: ce-* headers and the record as JSON.
 */
class OkkiSourceCloudEventsPipeTest extends KameletSimulatorTestSupport {

    private Object companyId;

    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        sim.setNow(LocalDateTime.of(2026, 11, 25, 10, 0, 0));
        companyId = sim.records("company").create(Map.of("name", "Acme Trading")).get("company_id");
    }

    @Override
    protected RoutesBuilder[] createRouteBuilders() throws Exception {
        String pipe = """
                apiVersion: camel.apache.org/v1
                kind: Pipe
                metadata:
                  name: okki-companies-to-cloudevents
                spec:
                  source:
                    ref:
                      kind: Kamelet
                      apiVersion: camel.apache.org/v1
                      name: okki-source
                    properties:
                      resource: company
                      clientId: sim-client
                      clientSecret: sim-secret
                      baseUrl: "RAW(%s)"
                      delay: 200
                    dataTypes:
                      out:
                        format: okki:application-cloudevents
                  sink:
                    dataTypes:
                      in:
                        format: http:application-cloudevents
                    uri: mock:cloudevents
                """.formatted(sim.baseUrl());
        return PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString("okki-companies-to-cloudevents.yaml", pipe))
                .toArray(new RoutesBuilder[0]);
    }

    @Test
    void theRecordArrivesAsACloudEventOverTheHttpBinding() throws Exception {
        MockEndpoint mock = getMockEndpoint("mock:cloudevents");
        mock.expectedMessageCount(1);
        mock.setResultWaitTime(PATIENCE_MILLIS);
        mock.assertIsSatisfied();
        awaitAWholePoll();
        mock.assertIsSatisfied();

        Message event = mock.getReceivedExchanges().get(0).getMessage();
        Map<String, Object> ce = new TreeMap<>();
        event.getHeaders().forEach((name, value) -> {
            if (name.startsWith("ce-") || name.startsWith("CamelCloudEvent")) {
                ce.put(name, value);
            }
        });
        assertEquals(new TreeMap<>(Map.of(
                "ce-id", "company:" + companyId + "@2026-11-25 10:00:00",
                "ce-type", "io.github.camelokki.okki.company.changed",
                "ce-source", "okki:company/list?clientId=sim-client",
                "ce-subject", String.valueOf(companyId),
                "ce-time", "2026-11-25T02:00:00Z",
                "ce-specversion", "1.0",
                "ce-datacontenttype", "application/json")), ce, "the binding's headers, and no Camel ones left");
        assertEquals("application/json", event.getHeader(Exchange.CONTENT_TYPE));
        Map<String, Object> record = new ObjectMapper().readValue(event.getBody(String.class),
                new TypeReference<Map<String, Object>>() { });
        assertEquals(sim.records("company").all().get(0), record);
        event.getHeaders().forEach((name, value) -> assertEquals(false, String.valueOf(value).contains("sim-secret"),
                "header " + name + " shows the client secret"));
    }
}
