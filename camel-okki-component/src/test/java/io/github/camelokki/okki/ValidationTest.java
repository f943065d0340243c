package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;
import org.apache.camel.Exchange;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mistakes in endpoint URIs, options, parameters and bodies are reported before anything is sent to OKKI.
 */
class ValidationTest extends OkkiTestSupport {

    /** Whatever failed, OKKI heard nothing: no API call and no token request. */
    @AfterEach
    void nothingWasSentUnlessStubbed() {
        if (okki.getStubMappings().isEmpty()) {
            assertEquals(0, okki.getAllServeEvents().size(), "requests reached WireMock: " + okki.getAllServeEvents());
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** The root cause of failing to get the endpoint. */
    private Throwable endpointFailure(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint(uri));
        return rootCause(e);
    }

    /** The root cause of failing to add and start a route to the endpoint. */
    private Throwable routeFailure(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to(uri);
            }
        }));
        return rootCause(e);
    }

    private static void assertContains(String fragment, String message) {
        assertTrue(message != null && message.contains(fragment), () -> "expected '" + fragment + "' in: " + message);
    }

    private OkkiInvalidRequestException invalidRequest(String uri, Object body, Map<String, Object> headers) {
        Exchange result = template.request(uri, e -> {
            e.getMessage().setBody(body);
            headers.forEach(e.getMessage()::setHeader);
        });
        return assertInstanceOf(OkkiInvalidRequestException.class, result.getException());
    }

    // --- endpoint URIs ------------------------------------------------------------------------------------------

    @Test
    void unknownResource() {
        Throwable root = endpointFailure("okki:compnay/list");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("Unknown OKKI resource 'compnay'", root.getMessage());
        assertContains("Did you mean company?", root.getMessage());
    }

    @Test
    void unknownResourceFailsTheRoute() {
        Throwable root = routeFailure("okki:compnay/list");

        assertContains("Unknown OKKI resource 'compnay'", root.getMessage());
        assertContains("company", root.getMessage());
    }

    @Test
    void unknownOperation() {
        Throwable root = endpointFailure("okki:company/lsit");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("Unknown operation 'lsit' of OKKI resource 'company'", root.getMessage());
        assertContains("Did you mean company/list?", root.getMessage());
    }

    @Test
    void unknownOperationFailsTheRoute() {
        Throwable root = routeFailure("okki:company/lsit");

        assertContains("company/list", root.getMessage());
    }

    @Test
    void aliasIsAccepted() {
        assertEquals("company/push", ((OkkiEndpoint) context.getEndpoint("okki:company/pushCompanyAndCustomers"))
                .resolvedOperation().uri());
    }

    @ParameterizedTest
    @ValueSource(strings = { "okki:company", "okki:company/list/extra", "okki:/list", "okki:company/" })
    void badUriShape(String uri) {
        Throwable root = endpointFailure(uri);

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("okki:<resource>/<operation>", root.getMessage());
    }

    @Test
    void apiGetWithoutPath() {
        Throwable root = endpointFailure("okki:api/get");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("okki:api/get needs the option path", root.getMessage());
    }

    @Test
    void apiGetWithRelativePath() {
        Throwable root = endpointFailure("okki:api/get?path=v1/company/info");

        assertContains("starting with /", root.getMessage());
    }

    @Test
    void apiPatchIsNotAMethod() {
        Throwable root = endpointFailure("okki:api/patch?path=/v1/company/info");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("okki:api/patch is not an HTTP method", root.getMessage());
        assertContains("okki:api/get", root.getMessage());
    }

    @Test
    void unknownOption() {
        Exception e = assertThrows(Exception.class, () -> context.getEndpoint("okki:company/list?foo=bar"));

        ResolveEndpointFailedException resolve = assertInstanceOf(ResolveEndpointFailedException.class, e);
        assertContains("foo", resolve.getMessage());
    }

    @Test
    void unknownOptionFailsTheRoute() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:start").to("okki:company/list?foo=bar");
            }
        }));
        Throwable cause = e;
        while (cause != null && !(cause instanceof ResolveEndpointFailedException)) {
            cause = cause.getCause();
        }
        assertInstanceOf(ResolveEndpointFailedException.class, cause, () -> "no ResolveEndpointFailedException in " + e);
        assertContains("foo", cause.getMessage());
    }

    @Test
    void allPagesOnANonListOperation() {
        Throwable root = endpointFailure("okki:company/info?allPages=true");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("allPages=true works only with list operations", root.getMessage());
        assertContains("okki:company/info", root.getMessage());
    }

    @Test
    void allPagesWithRawPayload() {
        Throwable root = endpointFailure("okki:company/list?allPages=true&rawPayload=true");

        assertContains("allPages and rawPayload cannot be combined", root.getMessage());
    }

    @Test
    void pageSizeBelowOne() {
        Throwable root = endpointFailure("okki:company/list?pageSize=0");

        assertContains("pageSize must be at least 1, not 0", root.getMessage());
    }

    // --- connection options -------------------------------------------------------------------------------------

    @Test
    void missingClientIdAndSecret() throws Exception {
        context.removeComponent("okki");
        OkkiComponent empty = new OkkiComponent();
        empty.getConfiguration().setBaseUrl(okki.baseUrl());
        context.addComponent("okki", empty);

        Throwable root = endpointFailure("okki:company/list");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("clientId and clientSecret", root.getMessage());
        assertContains("camel.component.okki.client-id", root.getMessage());
        assertContains("camel.component.okki.client-secret", root.getMessage());
    }

    @Test
    void missingClientSecretOnly() {
        okkiComponent().getConfiguration().setClientSecret(null);

        Throwable root = endpointFailure("okki:company/list");

        assertContains("camel.component.okki.client-id", root.getMessage());
    }

    @Test
    void passwordGrantWithoutUsername() {
        Throwable root = endpointFailure("okki:company/list?grantType=password&password=secret-pass");

        assertInstanceOf(IllegalArgumentException.class, root);
        assertContains("The password grant needs username and password", root.getMessage());
    }

    @Test
    void passwordGrantWithoutPassword() {
        Throwable root = endpointFailure("okki:company/list?grantType=password&username=someone@example.com");

        assertContains("The password grant needs username and password", root.getMessage());
    }

    @Test
    void baseUrlNotAbsolute() {
        Throwable root = endpointFailure("okki:company/list?baseUrl=api.example.com");

        assertContains("baseUrl must be an absolute http(s) URL", root.getMessage());
    }

    // --- parameters -----------------------------------------------------------------------------------------------

    @Test
    void missingRequiredParameter() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/query", null, Map.of());

        assertContains("okki:company/query needs the parameter word", e.getMessage());
        assertContains("param.word", e.getMessage());
        assertContains(OkkiConstants.PARAMS, e.getMessage());
    }

    @Test
    void requiredParameterFromHeaderIsAccepted() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/query")).willReturn(okJsonText(envelope(Map.of("list", List.of(),
                "totalItem", 0)))));

        Exchange result = template.request("okki:company/query", e -> e.getMessage()
                .setHeader(OkkiConstants.PARAMS, Map.of("word", "ACME")));

        assertNull(result.getException());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/company/query")).withQueryParam("word", equalTo("ACME")));
    }

    @Test
    void emptyRequiredParameterIsMissing() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/query", null,
                Map.of(OkkiConstants.PARAMS, Map.of("word", "")));

        assertContains("needs the parameter word", e.getMessage());
    }

    @Test
    void missingPathParameter() {
        OkkiInvalidRequestException e = invalidRequest("okki:subscribe/get", null, Map.of());

        assertContains("okki:subscribe/get needs the parameter subscribe_type", e.getMessage());
        assertContains("param.subscribe_type", e.getMessage());
        assertContains(OkkiConstants.ID, e.getMessage());
    }

    @Test
    void idHeaderFillsTheIdParameter() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/info")).willReturn(okJsonText(envelope(Map.of("company_id", 42)))));

        Exchange result = template.request("okki:company/info", e -> e.getMessage().setHeader(OkkiConstants.ID, 42));

        assertNull(result.getException());
        assertEquals(Map.of("company_id", 42), result.getMessage().getBody());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/company/info")).withQueryParam("company_id", equalTo("42")));
    }

    @Test
    void idHeaderFillsAPathParameter() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/subscribe/company")).willReturn(okJsonText(envelope(Map.of("events",
                List.of("create"))))));

        Exchange result = template.request("okki:subscribe/get", e -> e.getMessage().setHeader(OkkiConstants.ID,
                "company"));

        assertNull(result.getException());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/subscribe/company")));
    }

    @Test
    void missingRequiredIdMentionsTheIdHeader() {
        OkkiInvalidRequestException e = invalidRequest("okki:supplier/remove", null, Map.of());

        assertContains("okki:supplier/remove needs the parameter supplier_id", e.getMessage());
        assertContains("param.supplier_id", e.getMessage());
        assertContains("supplier_id can also come from the " + OkkiConstants.ID + " header", e.getMessage());
    }

    @Test
    void requiredIdFromHeaderIsAccepted() {
        stubToken();
        stub(post(urlPathEqualTo("/v1/supplier/remove")).willReturn(okJsonText(envelope(null))));

        Exchange result = template.request("okki:supplier/remove", e -> e.getMessage().setHeader(OkkiConstants.ID, 7));

        assertNull(result.getException());
        okki.verify(1, postRequestedFor(urlPathEqualTo("/v1/supplier/remove")).withQueryParam("supplier_id",
                equalTo("7")));
    }

    @Test
    void missingRequiredFormField() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/remove", null, Map.of());

        assertContains("needs the parameter company_id", e.getMessage());
        assertContains(OkkiConstants.ID, e.getMessage());
        assertContains("Map body", e.getMessage());
    }

    @Test
    void pageNumberNotANumber() {
        assertEquals("The parameter start_index of okki:company/list is an integer, not 'first'",
                endpointFailure("okki:company/list?param.start_index=first").getMessage());
        OkkiInvalidRequestException e = invalidRequest("okki:company/list", null,
                Map.of(OkkiConstants.PARAMS, Map.of("start_index", "first")));

        assertContains("start_index", e.getMessage());
        assertContains("'first'", e.getMessage());
    }

    // --- bodies ---------------------------------------------------------------------------------------------------

    @Test
    void bodyOnOperationWithoutBody() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/list", "x", Map.of());

        assertContains("okki:company/list takes no body", e.getMessage());
        assertContains("java.lang.String", e.getMessage());
    }

    @Test
    void invalidJsonStringBody() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/push", "{\"name\": \"ACME\",\n \"country\": }",
                Map.of());

        assertContains("The body of okki:company/push is not valid JSON", e.getMessage());
        assertContains("line 2, column", e.getMessage());
    }

    @Test
    void invalidJsonBytesBody() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/push", "not json".getBytes(), Map.of());

        assertContains("is not valid JSON", e.getMessage());
        assertContains("line 1, column", e.getMessage());
    }

    @Test
    void emptyJsonStringBody() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/push", "", Map.of());

        assertContains("The body of okki:company/push is empty", e.getMessage());
    }

    @Test
    void nullBodyOnJsonOperation() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/push", null, Map.of());

        assertContains("okki:company/push needs a JSON body", e.getMessage());
        assertContains("empty", e.getMessage());
    }

    @Test
    void listBodyOnFormOperation() {
        OkkiInvalidRequestException e = invalidRequest("okki:company/remove", List.of(1, 2), Map.of());

        assertContains("okki:company/remove sends form fields", e.getMessage());
    }

    @Test
    void validJsonStringBodyIsSentAsIs() {
        stubToken();
        stub(post(urlPathEqualTo("/v1/company/pushCompanyAndCustomers")).willReturn(okJsonText(envelope(Map.of(
                "company_id", 42)))));

        String json = "{\"name\":\"ACME\",\"customers\":[]}";
        Exchange result = template.request("okki:company/push", e -> e.getMessage().setBody(json));

        assertNull(result.getException());
        okki.verify(1, postRequestedFor(urlPathEqualTo("/v1/company/pushCompanyAndCustomers"))
                .withRequestBody(equalTo(json)));
    }
}
