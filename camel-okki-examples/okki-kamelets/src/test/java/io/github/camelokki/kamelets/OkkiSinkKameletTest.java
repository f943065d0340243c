package io.github.camelokki.kamelets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** okki-sink in a route: a Map body (or JSON text) becomes a record in OKKI, and an update reaches the same record. */
class OkkiSinkKameletTest extends KameletSimulatorTestSupport {

    @Override
    protected RoutesBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:lead").to("kamelet:okki-sink?resource=lead&" + connection());
                from("direct:company").to("kamelet:okki-sink?resource=company&operation=push&" + connection());
            }
        };
    }

    @Test
    void pushesAMapAsANewLead() {
        Map<String, Object> lead = new LinkedHashMap<>();
        lead.put("name", "Kamelet Trading Ltd");
        lead.put("country", "DE");
        lead.put("customers", List.of(Map.of("name", "Anna Schmidt", "email", "anna@kamelet.example")));

        Object answer = template.requestBody("direct:lead", lead);

        List<Map<String, Object>> leads = sim.records("lead").all();
        assertEquals(1, leads.size(), leads.toString());
        Map<String, Object> saved = leads.get(0);
        assertEquals(Map.of("lead_id", saved.get("lead_id")), answer);
        assertEquals("Kamelet Trading Ltd", saved.get("name"));
        assertEquals("DE", saved.get("country"));
        assertEquals(List.of(Map.of("name", "Anna Schmidt", "email", "anna@kamelet.example")), saved.get("customers"));
    }

    @Test
    void pushesJsonTextAndUpdatesByIdInTheBody() {
        Object id = sim.records("company").create(Map.of("name", "Old Name", "country", "CN")).get("company_id");

        template.sendBody("direct:company", "{\"company_id\": " + id + ", \"name\": \"New Name\"}");

        assertEquals(1, sim.records("company").size());
        Map<String, Object> saved = sim.records("company").get(id);
        assertEquals("New Name", saved.get("name"));
        assertEquals("CN", saved.get("country"));
    }
}
