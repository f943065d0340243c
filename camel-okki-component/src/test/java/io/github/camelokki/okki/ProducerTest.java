package io.github.camelokki.okki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

class ProducerTest extends OkkiTestSupport {

    /** A record class a user might unmarshal into: it knows two fields and nothing of the rest. */
    public static class Company {
        public long company_id;
        public String name;
    }

    @BeforeEach
    void token() {
        stubToken();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:all-companies").to("okki:company/list?allPages=true&pageSize=2")
                        .split(body()).streaming().to("mock:company");
            }
        };
    }

    @Test
    void companyInfoReturnsDataAndServerTime() {
        stub(get(urlPathEqualTo("/v1/company/info"))
                .willReturn(okJsonText(envelope(Map.of("company_id", 42, "name", "ACME", "10023", "custom")))));

        Exchange result = template.request("okki:company/info?param.company_id=42", e -> { });

        Map<?, ?> body = assertInstanceOf(Map.class, result.getMessage().getBody());
        assertEquals(Map.of("company_id", 42, "name", "ACME", "10023", "custom"), body);
        assertEquals(NOW, result.getMessage().getHeader(OkkiConstants.SERVER_TIME));
        assertEquals("company/info", result.getMessage().getHeader(OkkiConstants.OPERATION));
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/company/info"))
                .withQueryParam("company_id", equalTo("42"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void paramsHeaderOverridesUriAndIdHeaderFillsIdParameter() {
        stub(get(urlPathEqualTo("/v1/company/info")).willReturn(okJsonText(envelope(Map.of()))));

        Map<String, Object> params = new LinkedHashMap<>();
        params.put("format", 0);
        params.put("serial_id", "A01");
        template.send("okki:company/info?param.format=1&param.company_id=1", e -> {
            e.getMessage().setHeader(OkkiConstants.PARAMS, params);
            e.getMessage().setHeader(OkkiConstants.ID, 99L);
        });

        okki.verify(getRequestedFor(urlPathEqualTo("/v1/company/info"))
                .withQueryParam("format", equalTo("0"))
                .withQueryParam("serial_id", equalTo("A01"))
                .withQueryParam("company_id", equalTo("99")));
    }

    @Test
    void listReturnsOnePageWithPagingHeaders() {
        stub(get(urlPathEqualTo("/v1/invoices/order/list")).willReturn(okJsonText(envelope(
                Map.of("list", List.of(Map.of("order_id", 1), Map.of("order_id", 2)), "count", 57)))));

        Exchange result = template.request("okki:order/list?param.start_index=3&pageSize=2&param.time_type=2",
                e -> { });

        assertEquals(List.of(Map.of("order_id", 1), Map.of("order_id", 2)), result.getMessage().getBody());
        assertEquals(57L, result.getMessage().getHeader(OkkiConstants.TOTAL));
        assertEquals(3, result.getMessage().getHeader(OkkiConstants.PAGE));
        assertEquals(2, result.getMessage().getHeader(OkkiConstants.PAGE_SIZE));
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/invoices/order/list"))
                .withQueryParam("start_index", equalTo("3"))
                .withQueryParam("count", equalTo("2"))
                .withQueryParam("time_type", equalTo("2")));
    }

    @Test
    void supplierListPagesWithPageNoAndPageSize() {
        stub(get(urlPathEqualTo("/v1/supplier/list")).willReturn(okJsonText(envelope(
                Map.of("list", List.of(Map.of("supplier_id", 5)), "count", 1)))));

        Object body = template.requestBody("okki:supplier/list?pageSize=50", (Object) null);

        assertEquals(List.of(Map.of("supplier_id", 5)), body);
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/supplier/list"))
                .withQueryParam("page_no", equalTo("1"))
                .withQueryParam("page_size", equalTo("50")));
    }

    @Test
    void allPagesIsLazyAndStopsAtTheTotal() {
        stubCompanyPages();

        Exchange result = template.request("okki:company/list?allPages=true&pageSize=2", e -> { });

        Iterator<?> it = assertInstanceOf(Iterator.class, result.getMessage().getBody());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/company/list")));
        List<Object> ids = new ArrayList<>();
        ids.add(((Map<?, ?>) it.next()).get("company_id"));
        ids.add(((Map<?, ?>) it.next()).get("company_id"));
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/company/list")));
        it.forEachRemaining(r -> ids.add(((Map<?, ?>) r).get("company_id")));
        assertEquals(List.of(11, 12, 21, 22, 31), ids);
        assertEquals(5L, result.getMessage().getHeader(OkkiConstants.TOTAL));
        okki.verify(3, getRequestedFor(urlPathEqualTo("/v1/company/list")).withQueryParam("count", equalTo("2")));
    }

    @Test
    void allPagesStreamsThroughASplitter() throws Exception {
        stubCompanyPages();
        MockEndpoint mock = getMockEndpoint("mock:company");
        mock.expectedMessageCount(5);

        template.sendBody("direct:all-companies", null);

        mock.assertIsSatisfied();
        List<Object> ids = mock.getExchanges().stream()
                .map(e -> e.getMessage().getBody(Map.class).get("company_id")).toList();
        assertEquals(List.of(11, 12, 21, 22, 31), ids);
    }

    @Test
    void allPagesWithoutTotalStopsAtAShortPage() {
        stub(get(urlPathEqualTo("/v1/lead/list")).withQueryParam("start_index", equalTo("1"))
                .willReturn(okJsonText(envelope(Map.of("list", List.of(Map.of("lead_id", 1), Map.of("lead_id", 2)))))));
        stub(get(urlPathEqualTo("/v1/lead/list")).withQueryParam("start_index", equalTo("2"))
                .willReturn(okJsonText(envelope(Map.of("list", List.of(Map.of("lead_id", 3)))))));

        Iterator<?> it = template.requestBody("okki:lead/list?allPages=true&pageSize=2", null, Iterator.class);

        List<Object> ids = new ArrayList<>();
        it.forEachRemaining(r -> ids.add(((Map<?, ?>) r).get("lead_id")));
        assertEquals(List.of(1, 2, 3), ids);
        okki.verify(2, getRequestedFor(urlPathEqualTo("/v1/lead/list")));
    }

    @Test
    void outputClassTypesEachRecordAndIgnoresUnknownFields() {
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(okJsonText(envelope(Map.of("list", List.of(
                Map.of("company_id", 7, "name", "ACME", "2001", "custom", "star", 9)), "totalItem", 1)))));

        List<?> body = template.requestBody("okki:company/list?outputClass=" + Company.class.getName(), null,
                List.class);

        Company company = assertInstanceOf(Company.class, body.get(0));
        assertEquals(7, company.company_id);
        assertEquals("ACME", company.name);
    }

    @Test
    void outputClassJsonNodeForSingleRecord() {
        stub(get(urlPathEqualTo("/v1/company/info"))
                .willReturn(okJsonText(envelope(Map.of("company_id", 42)))));

        JsonNode node = template.requestBodyAndHeader("okki:company/info?outputClass=" + JsonNode.class.getName(),
                null, OkkiConstants.ID, 42, JsonNode.class);

        assertEquals(42, node.get("company_id").asInt());
    }

    @Test
    void rawPayloadGivesTheAnswerAsItCame() {
        String answer = envelope(Map.of("list", List.of(), "totalItem", 0));
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(okJsonText(answer)));

        Exchange result = template.request("okki:company/list?rawPayload=true", e -> { });

        assertEquals(answer, result.getMessage().getBody(String.class));
        assertEquals(0L, result.getMessage().getHeader(OkkiConstants.TOTAL));
        assertEquals(NOW, result.getMessage().getHeader(OkkiConstants.SERVER_TIME));
    }

    @Test
    void jsonBodiesOfEveryKindAreSentAsJson() {
        stub(post(urlPathEqualTo("/v1/lead/push")).willReturn(okJsonText(envelope(Map.of("lead_id", 5)))));
        String json = "{\"name\":\"Lead A\",\"customers\":[{\"email\":\"a@example.com\"}]}";
        Company pojo = new Company();
        pojo.company_id = 3;
        pojo.name = "Lead A";

        List<Object> bodies = List.of(Map.of("name", "Lead A", "customers", List.of(Map.of("email", "a@example.com"))),
                json, json.getBytes(StandardCharsets.UTF_8),
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        for (Object body : bodies) {
            okki.resetRequests();
            Object result = template.requestBody("okki:lead/push", body);
            assertEquals(Map.of("lead_id", 5), result);
            okki.verify(1, postRequestedFor(urlPathEqualTo("/v1/lead/push"))
                    .withHeader("Content-Type", containing("application/json"))
                    .withRequestBody(equalToJson(json)));
        }
        okki.resetRequests();
        template.requestBody("okki:lead/push", pojo);
        okki.verify(postRequestedFor(urlPathEqualTo("/v1/lead/push"))
                .withRequestBody(equalToJson("{\"company_id\":3,\"name\":\"Lead A\"}")));
    }

    @Test
    void formOperationSendsParametersAndMapBodyAsFields() {
        stub(post(urlPathEqualTo("/v1/company/removeCompanyAndCustomers")).willReturn(okJsonText(envelope(Map.of()))));

        template.requestBodyAndHeader("okki:company/remove", Map.of("reason", "dup"), OkkiConstants.ID, 88);

        okki.verify(postRequestedFor(urlPathEqualTo("/v1/company/removeCompanyAndCustomers"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(equalTo("reason=dup&company_id=88")));
    }

    @Test
    void multipartOperationSendsFieldsAsParts() {
        stub(post(urlPathEqualTo("/v1/product/remove-groups")).willReturn(okJsonText(envelope(Map.of()))));

        template.requestBody("okki:product/removeGroups?param.group_id=12", (Object) null);

        okki.verify(postRequestedFor(urlPathEqualTo("/v1/product/remove-groups"))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBody(containing("name=\"group_id\""))
                .withRequestBody(containing("12")));
    }

    @Test
    void pathParameterIsSubstituted() {
        stub(any(urlPathMatching("/v1/subscribe/.*")).willReturn(okJsonText(envelope(Map.of("events", List.of())))));

        template.requestBodyAndHeader("okki:subscribe/get", null, OkkiConstants.ID, "crm.company");

        okki.verify(getRequestedFor(urlPathEqualTo("/v1/subscribe/crm.company")));
        assertEquals(0, okki.findAll(anyRequestedFor(urlPathMatching("/v1/subscribe/.*"))
                .withQueryParam("subscribe_type", equalTo("crm.company"))).size());
    }

    @Test
    void apiEscapeHatchCallsAnyPath() {
        stub(get(urlPathEqualTo("/v1/company/newFeature")).willReturn(okJsonText(envelope("ok"))));
        stub(post(urlPathEqualTo("/v1/company/newWrite")).willReturn(okJsonText(envelope(null))));

        assertEquals("ok", template.requestBody("okki:api/get?path=/v1/company/newFeature&param.x=1", (Object) null));
        assertNull(template.requestBody("okki:api/post?path=/v1/company/newWrite", Map.of("a", 1)));

        okki.verify(getRequestedFor(urlPathEqualTo("/v1/company/newFeature")).withQueryParam("x", equalTo("1")));
        okki.verify(postRequestedFor(urlPathEqualTo("/v1/company/newWrite")).withRequestBody(equalToJson("{\"a\":1}")));
        okki.verify(postRequestedFor(urlPathEqualTo(ACCESS_TOKEN_PATH)).withRequestBody(containing("scope=company")));
    }

    private static void stubCompanyPages() {
        for (int page = 1; page <= 3; page++) {
            List<Map<String, Object>> records = page < 3
                    ? List.of(Map.of("company_id", page * 10 + 1), Map.of("company_id", page * 10 + 2))
                    : List.of(Map.of("company_id", 31));
            stub(get(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo(String.valueOf(page)))
                    .willReturn(okJsonText(envelope(Map.of("list", records, "totalItem", 5, "count", 2)))));
        }
    }
}
