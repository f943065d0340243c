package io.github.camelokki.okki;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.internal.catalog.HttpMethod;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.Parameter;
import io.github.camelokki.okki.internal.client.UriParameters;
import org.apache.camel.ResolveEndpointFailedException;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** An operation's parameters as plain URI options by OKKI's names, beside param.* and the params header. */
class UriParametersTest extends OkkiTestSupport {

    private static final String LIST_ANSWER = envelope(Map.of("list", List.of(), "totalItem", 0));

    /**
     * The path and query of the one API request OKKI received (the token request aside), its query parameters sorted
     * by name: their order follows that of Camel's normalised endpoint URI, which sorts options, not ours.
     */
    private static String apiRequest() {
        List<String> urls = okki.getAllServeEvents().stream().map(e -> e.getRequest().getUrl())
                .filter(url -> !url.startsWith("/v1/oauth2")).toList();
        assertEquals(1, urls.size(), () -> "API requests: " + urls);
        String[] pathAndQuery = urls.get(0).split("\\?", 2);
        return pathAndQuery[0] + "?" + Arrays.stream(pathAndQuery[1].split("&")).sorted().collect(Collectors.joining("&"));
    }

    @Test
    void plainOptionsAreSentAsTheOperationsParameters() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(okJsonText(LIST_ANSWER)));

        template.sendBody("okki:company/list?start_time=2026-01-01 00:00:00&time_type=1&all=2&group_id=7", null);

        assertEquals("/v1/company/list?all=2&count=100&group_id=7&start_index=1&start_time=2026-01-01+00%3A00%3A00"
                + "&time_type=1", apiRequest());
    }

    @Test
    void paramPrefixStillWorksTheSameWay() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(okJsonText(LIST_ANSWER)));

        template.sendBody("okki:company/list?param.start_time=2026-01-01 00:00:00&param.time_type=1&param.all=2"
                + "&param.group_id=7", null);

        assertEquals("/v1/company/list?all=2&count=100&group_id=7&start_index=1&start_time=2026-01-01+00%3A00%3A00"
                + "&time_type=1", apiRequest());
    }

    @Test
    void aRequiredParameterGivenAsAPlainOptionSatisfiesTheCheck() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/query")).willReturn(okJsonText(LIST_ANSWER)));

        template.sendBody("okki:company/query?word=acme", null);

        assertEquals("/v1/company/query?count=100&start_index=1&word=acme", apiRequest());
    }

    @Test
    void aParameterTheSpecTypesAsIntegerButFillsWithNamesTakesItsNames() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/opportunity/fields/selector")).willReturn(okJsonText(LIST_ANSWER)));

        template.sendBody("okki:opportunity/selector?field=stage_list&flow_id=3", null);

        assertEquals("/v1/opportunity/fields/selector?field=stage_list&flow_id=3", apiRequest());
    }

    @Test
    void anUnknownOptionNamesTheParametersAndTheClosestName() {
        Exception e = assertThrows(Exception.class,
                () -> context.getEndpoint("okki:company/list?strat_time=2026-01-01 00:00:00"));

        assertInstanceOf(ResolveEndpointFailedException.class, e);
        assertEquals("Unknown option 'strat_time' of okki:company/list: it is neither an endpoint option nor a"
                + " parameter of the operation. Did you mean start_time? Parameters of okki:company/list: all, count,"
                + " end_time, group_id, removed, start_index, start_time, time_type.", e.getCause().getMessage());
        assertEquals(0, okki.getAllServeEvents().size(), "nothing may be sent to OKKI");
    }

    @Test
    void aMistypedEndpointOptionIsMatchedToo() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("okki:company/info?pagSize=5"));

        assertEquals("Unknown option 'pagSize' of okki:company/info: it is neither an endpoint option nor a"
                + " parameter of the operation. Did you mean pageSize? Parameters of okki:company/info: company_id,"
                + " format, serial_id.", e.getCause().getMessage());
    }

    @Test
    void aValueNotOfTheDocumentedTypeIsRefused() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("okki:company/list?group_id=abc"));

        assertEquals("The parameter group_id of okki:company/list is an integer, not 'abc'", e.getCause().getMessage());
        Exception prefixed = assertThrows(Exception.class,
                () -> context.getEndpoint("okki:company/list?param.group_id=abc"));
        assertEquals(e.getCause().getMessage(), prefixed.getCause().getMessage());
    }

    @Test
    void valuesAreConvertedToTheDocumentedType() {
        OkkiEndpoint endpoint = context.getEndpoint("okki:company/list?group_id=7&time_type=1&param.count=20",
                OkkiEndpoint.class);

        assertEquals(Map.of("group_id", 7L, "time_type", "1", "count", 20L), endpoint.getParams());
    }

    @Test
    void anEndpointOptionWinsOverAParameterOfTheSameNameWhichParamReaches() {
        // no catalog operation has such a parameter today: an operation made up for the rule
        Operation op = new Operation("thing", "list", List.of(), HttpMethod.GET, "/v1/thing/list", null, BodyType.NONE,
                null, List.of(new Parameter("pageSize", false, Parameter.Type.INTEGER),
                        new Parameter("kind", false)), List.of(), null, "A list.", null);
        Map<String, Object> options = new LinkedHashMap<>(Map.of("pageSize", "50", "kind", "a"));

        Map<String, Object> params = UriParameters.take(op, options, Map.of("pageSize", "9"), Set.of("pageSize"),
                List.of("scheduler."));

        assertEquals(Map.of("pageSize", "50"), options);
        assertEquals(Map.of("pageSize", 9L, "kind", "a"), params);
    }

    @Test
    void prefixedEndpointOptionsAreLeftToTheEndpoint() {
        OkkiEndpoint endpoint = context.getEndpoint("okki:company/list?scheduler.foo=bar&time_type=1",
                OkkiEndpoint.class);

        assertEquals(Map.of("time_type", "1"), endpoint.getParams());
    }
}
