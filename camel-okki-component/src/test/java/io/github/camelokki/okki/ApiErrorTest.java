package io.github.camelokki.okki;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.api.OkkiException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * OKKI's business errors: an envelope whose code is not a success code, mostly with HTTP 200.
 */
class ApiErrorTest extends OkkiTestSupport {

    private static final String INFO = "/v1/company/info";
    private static final String SERVER_TIME = "2026-11-25 10:11:12";

    /** A record type that knows only some of a company's fields. */
    public static class Company {
        @JsonProperty("company_id")
        public long companyId;
        public String name;
        public Status status;
    }

    public enum Status {
        ACTIVE,
        ARCHIVED
    }

    private static String errorWithTime(int code, String message) {
        return errorEnvelope(code, message, SERVER_TIME);
    }

    /** A company as OKKI might send it next year: fields and enum values nobody has seen. */
    private static Map<String, Object> companyWithUnknowns() {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("company_id", 42);
        company.put("name", "ACME");
        company.put("status", "SOMETHING_OKKI_ADDED_LAST_WEEK");
        company.put("brand_new_field", Map.of("nested", List.of(1, 2, 3)));
        company.put("10023", "custom field");
        return company;
    }

    private Exchange callInfo() {
        return template.request("okki:company/info?param.company_id=42", e -> { });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "404 | company not found | 1",
            "400 | parameter company_id is invalid | 1",
            "403 | forbidden | 1",
            "500 | internal error, please retry later | 4",
            "503 | busy | 4",
            "-1  | unknown error | 4" })
    void errorCodeWithHttp200IsAnApiException(int code, String providerMessage, int attempts) {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(errorWithTime(code, providerMessage))));

        Exchange result = callInfo();

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, result.getException());
        assertEquals("company/info", e.getOperation());
        assertEquals(200, e.getHttpStatus());
        assertEquals(Integer.valueOf(code), e.getCode());
        assertEquals(providerMessage, e.getProviderMessage());
        assertEquals(SERVER_TIME, e.getServerTime());
        assertEquals(Optional.empty(), e.getMissingScope());
        assertTrue(e.getMessage().contains("company/info"), e.getMessage());
        assertTrue(e.getMessage().contains("code " + code), e.getMessage());
        assertTrue(e.getMessage().contains("\"" + providerMessage + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("HTTP 200"), e.getMessage());
        assertTrue(e.getMessage().contains(SERVER_TIME), e.getMessage());
        assertEquals("OKKI refused company/info: code " + code + ", \"" + providerMessage + "\" (HTTP 200, server time "
                + SERVER_TIME + (attempts > 1 ? ", after " + attempts + " attempts" : "") + ")", e.getMessage());
        assertInstanceOf(OkkiException.class, e);
        // a business error is an answer, sent exactly once; a server-side code (5xx, negative) is retried like HTTP 5xx
        okki.verify(attempts, getRequestedFor(urlPathEqualTo(INFO)));
    }

    @Test
    void errorCodeAsStringIsReadToo() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(
                "{\"code\":\"404\",\"message\":\"company not found\",\"now\":\"" + SERVER_TIME + "\",\"data\":null}")));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, callInfo().getException());
        assertEquals(Integer.valueOf(404), e.getCode());
        assertEquals("company not found", e.getProviderMessage());
    }

    @Test
    void missingScopeIsNamedWithAdvice() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/invoices/order/info"))
                .willReturn(okJsonText(errorWithTime(403, "no permission invoices scopes"))));

        Exchange result = template.request("okki:order/info?param.order_id=7", e -> { });

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, result.getException());
        assertEquals("order/info", e.getOperation());
        assertEquals(Optional.of("invoices"), e.getMissingScope());
        assertEquals(Integer.valueOf(403), e.getCode());
        assertEquals(200, e.getHttpStatus());
        assertEquals("no permission invoices scopes", e.getProviderMessage());
        assertTrue(e.getMessage().contains("'invoices' scope"), e.getMessage());
        assertTrue(e.getMessage().contains("enable that module for the app in OKKI"), e.getMessage());
        assertTrue(e.getMessage().contains("scope option"), e.getMessage());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/invoices/order/info")));
    }

    @Test
    void missingScopeIsFoundInAnyCase() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(errorWithTime(403, "No Permission company scope"))));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, callInfo().getException());
        assertEquals(Optional.of("company"), e.getMissingScope());
        assertTrue(e.getMessage().contains("'company' scope"), e.getMessage());
    }

    @Test
    void http404WithJsonEnvelope() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody(errorWithTime(404, "route not found"))));

        Exchange result = callInfo();

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, result.getException());
        assertEquals("company/info", e.getOperation());
        assertEquals(404, e.getHttpStatus());
        assertEquals(Integer.valueOf(404), e.getCode());
        assertEquals("route not found", e.getProviderMessage());
        assertEquals(SERVER_TIME, e.getServerTime());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("route not found"), e.getMessage());
        // 404 is not worth retrying
        okki.verify(1, getRequestedFor(urlPathEqualTo(INFO)));
    }

    @Test
    void http404WithSuccessCodeInBodyIsStillAnError() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(envelope(Map.of("company_id", 42)))));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, callInfo().getException());
        assertEquals(404, e.getHttpStatus());
        assertEquals(Integer.valueOf(200), e.getCode());
    }

    @Test
    void http400WithEmptyBodyIsAnApiExceptionWithoutCode() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(400)));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, callInfo().getException());
        assertEquals(400, e.getHttpStatus());
        assertNull(e.getCode());
        assertNull(e.getServerTime());
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        okki.verify(1, getRequestedFor(urlPathEqualTo(INFO)));
    }

    @Test
    void successCode200() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(envelope(Map.of("company_id", 42, "name", "ACME")))));

        Exchange result = callInfo();

        assertNull(result.getException());
        Map<?, ?> body = assertInstanceOf(Map.class, result.getMessage().getBody());
        assertEquals("ACME", body.get("name"));
        assertEquals(NOW, result.getMessage().getHeader(OkkiConstants.SERVER_TIME));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"code\":0,\"msg\":\"success\",\"data\":{\"company_id\":42,\"name\":\"ACME\"}}",
            "{\"code\":\"0\",\"msg\":\"success\",\"data\":{\"company_id\":42,\"name\":\"ACME\"}}",
            "{\"code\":0,\"message\":\"success\",\"data\":{\"company_id\":42,\"name\":\"ACME\"}}" })
    void successCode0(String answer) {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(answer)));

        Exchange result = callInfo();

        assertNull(result.getException());
        Map<?, ?> body = assertInstanceOf(Map.class, result.getMessage().getBody());
        assertEquals(42, body.get("company_id"));
        assertEquals("ACME", body.get("name"));
        assertNull(result.getMessage().getHeader(OkkiConstants.SERVER_TIME));
    }

    @Test
    void errorWithMsgInsteadOfMessage() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText("{\"code\":1001,\"msg\":\"token invalid for company\"}")));

        OkkiApiException e = assertInstanceOf(OkkiApiException.class, callInfo().getException());
        assertEquals(Integer.valueOf(1001), e.getCode());
        assertEquals("token invalid for company", e.getProviderMessage());
        assertNull(e.getServerTime());
        assertFalse(e.getMessage().contains("server time"), e.getMessage());
    }

    @Test
    void unknownFieldsAndEnumValuesInUntypedData() {
        stubToken();
        Map<String, Object> company = companyWithUnknowns();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(envelope(company))));

        Exchange result = callInfo();

        assertNull(result.getException());
        Map<?, ?> body = assertInstanceOf(Map.class, result.getMessage().getBody());
        assertEquals("SOMETHING_OKKI_ADDED_LAST_WEEK", body.get("status"));
        assertEquals(Map.of("nested", List.of(1, 2, 3)), body.get("brand_new_field"));
        assertEquals("custom field", body.get("10023"));
    }

    @Test
    void unknownFieldsAndEnumValuesWithOutputClass() {
        stubToken();
        Map<String, Object> company = companyWithUnknowns();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(envelope(company))));

        Exchange result = template.request("okki:company/info?param.company_id=42&outputClass="
                + Company.class.getName(), e -> { });

        assertNull(result.getException());
        Company body = assertInstanceOf(Company.class, result.getMessage().getBody());
        assertEquals(42L, body.companyId);
        assertEquals("ACME", body.name);
        assertNull(body.status);
    }

    @Test
    void knownEnumValueWithOutputClass() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText(
                envelope(Map.of("company_id", 42, "name", "ACME", "status", "ARCHIVED", "extra", true)))));

        Exchange result = template.request("okki:company/info?param.company_id=42&outputClass="
                + Company.class.getName(), e -> { });

        assertNull(result.getException());
        Company body = assertInstanceOf(Company.class, result.getMessage().getBody());
        assertSame(Status.ARCHIVED, body.status);
    }

    @Test
    void unknownFieldsAndEnumValuesInListRecordsWithOutputClass() {
        stubToken();
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("company_id", 1);
        first.put("name", "One");
        first.put("status", "ACTIVE");
        first.put("never_documented", 3.5);
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("company_id", 2);
        second.put("name", "Two");
        second.put("status", "BRAND_NEW_STATE");
        second.put("tags", List.of("a", "b"));
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(okJsonText(envelope(
                Map.of("list", List.of(first, second), "totalItem", 2, "unknown_page_field", "x")))));

        Exchange result = template.request("okki:company/list?outputClass=" + Company.class.getName(), e -> { });

        assertNull(result.getException());
        List<?> body = assertInstanceOf(List.class, result.getMessage().getBody());
        assertEquals(2, body.size());
        Company one = assertInstanceOf(Company.class, body.get(0));
        Company two = assertInstanceOf(Company.class, body.get(1));
        assertEquals(1L, one.companyId);
        assertSame(Status.ACTIVE, one.status);
        assertEquals(2L, two.companyId);
        assertEquals("Two", two.name);
        assertNull(two.status);
        assertEquals(2L, result.getMessage().getHeader(OkkiConstants.TOTAL));
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo("1")));
    }

    @Test
    void unknownEnvelopeMembersAreIgnored() {
        stubToken();
        stub(get(urlPathEqualTo(INFO)).willReturn(okJsonText("{\"code\":200,\"message\":\"success\",\"now\":\"" + NOW
                + "\",\"trace_id\":\"abc\",\"data\":{\"company_id\":42}}")));

        Exchange result = callInfo();

        assertNull(result.getException());
        assertEquals(Map.of("company_id", 42), result.getMessage().getBody());
    }
}
