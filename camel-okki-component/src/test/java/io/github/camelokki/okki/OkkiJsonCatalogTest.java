package io.github.camelokki.okki;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import org.apache.camel.catalog.DefaultCamelCatalog;
import org.apache.camel.catalog.EndpointValidationResult;
import org.apache.camel.tooling.model.ApiMethodModel;
import org.apache.camel.tooling.model.ApiModel;
import org.apache.camel.tooling.model.ComponentModel;
import org.apache.camel.tooling.model.JsonMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The okki.json (and okki-events.json) of the build, as Camel tooling sees it: loaded into Camel's catalog, it accepts an operation's
 * parameters as URI options and checks their names, types and the operation, as the component does, and describes
 * each operation and parameter.
 */
class OkkiJsonCatalogTest {

    private static String json;
    private static DefaultCamelCatalog catalog;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = OkkiJsonCatalogTest.class.getResourceAsStream("/META-INF/io/github/camelokki/okki/okki.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catalog = new DefaultCamelCatalog();
        catalog.addComponent("okki", OkkiComponent.class.getName(), json);
        try (InputStream in = OkkiJsonCatalogTest.class.getResourceAsStream(
                "/META-INF/io/github/camelokki/okki/okki-events.json")) {
            catalog.addComponent("okki-events", OkkiEventsComponent.class.getName(),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** What the catalog finds wrong with a URI: unknown options, invalid values by option; empty when valid. */
    private static Map<String, String> problems(String uri) {
        EndpointValidationResult result = catalog.validateEndpointProperties(uri);
        Map<String, String> problems = new TreeMap<>();
        if (result.getUnknown() != null) {
            result.getUnknown().forEach(name -> problems.put(name, "unknown"));
        }
        if (result.getInvalidInteger() != null) {
            result.getInvalidInteger().forEach((name, value) -> problems.put(name, "not an integer: " + value));
        }
        if (result.getInvalidEnum() != null) {
            result.getInvalidEnum().forEach((name, value) -> problems.put(name, "not one of the choices: " + value));
        }
        return problems;
    }

    @Test
    void theJsonCarriesEveryOperationOfTheCatalog() {
        ComponentModel model = JsonMapper.generateComponentModel(json);
        ComponentModel expected = JsonMapper.generateComponentModel(json);
        OkkiJsonApis.withOperations(expected, OperationCatalog.standard());

        assertTrue(model.isApi());
        assertEquals(JsonMapper.createParameterJsonSchema(expected), JsonMapper.createParameterJsonSchema(model));
    }

    @Test
    void operationsAndParametersCarryTheirDescriptions() {
        ComponentModel model = catalog.componentModel("okki");

        assertEquals("Lists companies (customers) page by page, filterable by group, pool, deletion flag and an update,"
                + " create or filing time window.", method(model, "company", "list").getDescription());
        assertEquals("Which time start_time and end_time apply to: 1 the update time (the default), 2 the creation"
                + " time, 3 the time the company was filed as a customer.",
                parameter(model, "company", "list", "time_type").getDescription());
        assertEquals("Which time start_time and end_time apply to: 1 the update time (the default), 2 the creation"
                + " time, 3 the order date, 4 the deletion time (with removed=1; OKKI accepts 4 from 6 February 2026"
                + " on).", parameter(model, "order", "list", "time_type").getDescription());
        assertEquals("Page size: how many records one page holds; OKKI's default is 10.",
                parameter(model, "order", "list", "count").getDescription());
        assertEquals("Page size: how many records one page holds.",
                parameter(model, "company", "list", "count").getDescription());
        assertEquals("What to search for: an email address, a phone number or other contact detail, or a company"
                + " name. Required: set it here, in the CamelOkkiParams header or in both.",
                parameter(model, "company", "query", "word").getDescription());
        assertEquals("Id of the company to delete, as okki:company/list returns it. Required: set it here, in the"
                + " CamelOkkiParams header or, as the record id, in the CamelOkkiId header.",
                parameter(model, "company", "remove", "company_id").getDescription());
    }

    private static ApiMethodModel method(ComponentModel model, String resource, String operation) {
        ApiModel api = model.getApiOptions().stream().filter(a -> a.getName().equals(resource)).findFirst()
                .orElseThrow(() -> new AssertionError("okki.json has no API " + resource));
        return api.getMethods().stream().filter(m -> m.getName().equals(operation)).findFirst()
                .orElseThrow(() -> new AssertionError("okki.json has no method " + resource + "/" + operation));
    }

    private static ComponentModel.ApiOptionModel parameter(ComponentModel model, String resource, String operation,
            String name) {
        return method(model, resource, operation).getOptions().stream().filter(o -> o.getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("okki.json has no parameter " + name + " of "
                        + resource + "/" + operation));
    }

    @Test
    void parametersAndEndpointOptionsAreValid() {
        assertEquals(Map.of(), problems("okki:company/list?start_time=2026-01-01 00:00:00&time_type=1&all=2"
                + "&group_id=7&pageSize=50&param.removed=1"));
        assertEquals(Map.of(), problems("okki:company/companyEnums"));
        assertEquals(Map.of(), problems("okki:api/get?path=/v1/company/somethingNew&param.x=1"));
        assertEquals(Map.of(), problems("okki-events:/okki?securityConfig=s&eventTypes=xiaoman.crm.*&maxBodySize=10"
                + "&clientId=c&idempotentCacheSize=5"));
    }

    /** Tooling knows each endpoint kind's own options only: okki.json has no webhook option, okki-events no list one. */
    @Test
    void anOptionOfTheOtherEndpointKindIsUnknown() {
        assertEquals(Map.of("callbackUrl", "unknown", "eventTypes", "unknown"),
                problems("okki:company/list?callbackUrl=https://h.example.com&eventTypes=x"));
        assertEquals(Map.of("pageSize", "unknown", "delay", "unknown", "initialSync", "unknown"),
                problems("okki-events:/okki?pageSize=5&delay=1000&initialSync=now"));
    }

    @Test
    void aMistypedParameterIsUnknown() {
        assertEquals(Map.of("strat_time", "unknown"), problems("okki:company/list?strat_time=2026-01-01 00:00:00"));
    }

    @Test
    void aParameterOfAnotherOperationIsUnknown() {
        assertEquals(Map.of("start_time", "unknown"), problems("okki:company/info?start_time=2026-01-01 00:00:00"));
    }

    @Test
    void aValueOfAnotherTypeIsInvalid() {
        assertEquals(Map.of("group_id", "not an integer: abc"), problems("okki:company/list?group_id=abc"));
    }

    @Test
    void anUnknownOperationIsInvalid() {
        assertEquals(Map.of("operation", "not one of the choices: lsit"), problems("okki:company/lsit"));
    }
}
