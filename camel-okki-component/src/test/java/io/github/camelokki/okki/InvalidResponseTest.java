package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiInvalidResponseException;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers that are not OKKI's JSON envelope: a gateway's HTML page, a cut-off or empty body, a JSON array.
 */
class InvalidResponseTest extends OkkiTestSupport {

    private static final String INFO = "/v1/company/info";
    private static final String INFO_URI = "okki:company/info?param.company_id=42";
    private static final String GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static void answerInfo(int status, String contentType, String body) {
        stub(get(urlPathEqualTo(INFO)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", contentType).withBody(body)));
    }

    private OkkiInvalidResponseException invalid(String uri) {
        Exchange result = template.request(uri, e -> { });
        return assertInstanceOf(OkkiInvalidResponseException.class, result.getException());
    }

    private static int infoAttempts() {
        return okki.findAll(getRequestedFor(urlPathEqualTo(INFO))).size();
    }

    private static void assertContains(String fragment, String message) {
        assertTrue(message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
    }

    @Test
    void htmlGatewayPageWith502() {
        stubToken();
        answerInfo(502, "text/html", GATEWAY_PAGE);

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(502, e.getHttpStatus());
        assertTrue(e.getBodyStart().startsWith("<html>"), e.getBodyStart());
        assertContains("it begins: <html>", e.getMessage());
        assertContains("502 Bad Gateway", e.getMessage());
        assertContains("HTTP 502", e.getMessage());
        assertContains("text/html", e.getMessage());
        assertContains("okki:company/info", e.getMessage());
        assertContains("proxy or gateway", e.getMessage());
        // line breaks of the page are folded so the message stays on one line
        assertTrue(!e.getMessage().contains("\n") && !e.getMessage().contains("\r"), e.getMessage());
        // 502 is retried before the body is judged: 1 + maxRetries attempts
        assertEquals(4, infoAttempts());
    }

    @Test
    void htmlPageWith200() {
        stubToken();
        answerInfo(200, "text/html; charset=utf-8", "<html><body>Please log in</body></html>");

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(200, e.getHttpStatus());
        assertEquals("<html><body>Please log in</body></html>", e.getBodyStart());
        assertContains("<html><body>Please log in", e.getMessage());
        assertContains("HTTP 200", e.getMessage());
        assertContains("text/html; charset=utf-8", e.getMessage());
        assertEquals(1, infoAttempts());
    }

    @Test
    void truncatedJson() {
        stubToken();
        answerInfo(200, "application/json", "{\"code\":200,\"data\":{\"li");

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(200, e.getHttpStatus());
        assertEquals("{\"code\":200,\"data\":{\"li", e.getBodyStart());
        assertContains("it begins: {\"code\":200,\"data\":{\"li", e.getMessage());
        assertContains("application/json", e.getMessage());
        assertEquals(1, infoAttempts());
    }

    @Test
    void emptyBodyWith200() {
        stubToken();
        answerInfo(200, "application/json", "");

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(200, e.getHttpStatus());
        assertEquals("", e.getBodyStart());
        assertContains("<empty body>", e.getMessage());
        assertContains("HTTP 200", e.getMessage());
        assertEquals(1, infoAttempts());
    }

    @Test
    void jsonArrayInsteadOfObject() {
        stubToken();
        answerInfo(200, "application/json", "[{\"code\":200,\"data\":{}}]");

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(200, e.getHttpStatus());
        assertEquals("[{\"code\":200,\"data\":{}}]", e.getBodyStart());
        assertContains("it begins: [{\"code\":200", e.getMessage());
        assertContains("is JSON, but not the object OKKI answers with", e.getMessage());
        assertEquals(1, infoAttempts());
    }

    @Test
    void jsonScalarInsteadOfObject() {
        stubToken();
        answerInfo(200, "application/json", "\"success\"");

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(200, e.getHttpStatus());
        assertContains("it begins: \"success\"", e.getMessage());
    }

    @Test
    void plainTextWith200() {
        stubToken();
        answerInfo(200, "text/plain", "OK");

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals("OK", e.getBodyStart());
        assertContains("text/plain", e.getMessage());
    }

    @Test
    void longBodyIsQuotedOnlyInPart() {
        stubToken();
        String page = "<html>" + "x".repeat(5000) + "</html>";
        answerInfo(200, "text/html", page);

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals("<html>" + "x".repeat(OkkiInvalidResponseException.QUOTE_LENGTH - 6) + "...", e.getBodyStart());
        assertTrue(e.getMessage().length() < 600, () -> "message too long: " + e.getMessage().length());
    }

    @Test
    void htmlAnswerToWriteIsNotRetried() {
        stubToken();
        stub(post(urlPathEqualTo("/v1/company/pushCompanyAndCustomers")).willReturn(aResponse().withStatus(502)
                .withHeader("Content-Type", "text/html").withBody(GATEWAY_PAGE)));

        Exchange result = template.request("okki:company/push", e -> e.getMessage().setBody(Map.of("name", "ACME",
                "customers", List.of())));

        OkkiInvalidResponseException e = assertInstanceOf(OkkiInvalidResponseException.class, result.getException());
        assertEquals(502, e.getHttpStatus());
        assertContains("<html>", e.getMessage());
        assertContains("okki:company/push", e.getMessage());
        okki.verify(1, postRequestedFor(urlPathEqualTo("/v1/company/pushCompanyAndCustomers")));
    }

    @Test
    void htmlAnswerFromTokenEndpoint() {
        stub(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>maintenance</body></html>")));

        OkkiInvalidResponseException e = invalid(INFO_URI);

        assertEquals(200, e.getHttpStatus());
        assertContains(ACCESS_TOKEN_PATH, e.getMessage());
        assertContains("<html><body>maintenance", e.getMessage());
        assertEquals(0, infoAttempts());
    }

    @Test
    void truncatedAnswerOfListPage() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/list")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"code\":200,\"data\":{\"li")));

        OkkiInvalidResponseException e = invalid("okki:company/list");

        assertEquals(200, e.getHttpStatus());
        assertContains("okki:company/list", e.getMessage());
        assertContains("{\"code\":200,\"data\":{\"li", e.getMessage());
    }

    @Test
    void rawPayloadDoesNotHideAnInvalidAnswer() {
        stubToken();
        answerInfo(200, "text/html", "<html>oops</html>");

        OkkiInvalidResponseException e = invalid(INFO_URI + "&rawPayload=true");

        assertEquals("<html>oops</html>", e.getBodyStart());
    }
}
