package io.github.camelokki.okki;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.catalog.Parameter;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sends one exchange to every operation of the catalog and checks, from what WireMock received, that the request is
 * exactly the one OKKI documents: method, path, query string, content type, body and authorization.
 * <p>
 * One Camel context serves the whole class ({@code PER_CLASS}); WireMock's stubs and journal are reset per case.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CatalogRequestTest extends OkkiTestSupport {

    /** The page size the component asks for when none is given. */
    private static final String DEFAULT_PAGE_SIZE = "100";
    private static final Set<String> PAGING_PARAMS = Set.of("start_index", "count", "page_no", "page_size");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> TOKEN_PATHS = Set.of(ACCESS_TOKEN_PATH, REFRESH_TOKEN_PATH);

    static Stream<Arguments> operations() {
        return OperationCatalog.standard().operations().stream()
                .map(op -> Arguments.of(Named.of(op.uri(), op)));
    }

    static Stream<Arguments> aliases() {
        return OperationCatalog.standard().operations().stream()
                .flatMap(op -> op.aliases().stream()
                        .map(alias -> Arguments.of(Named.of(op.resource() + "/" + alias, op), alias)));
    }

    @BeforeEach
    void resetOkki() {
        okki.resetAll();
    }

    @Test
    void catalogHas117Operations() {
        List<Operation> ops = OperationCatalog.standard().operations();
        assertEquals(117, ops.size());
        assertEquals(117, ops.stream().map(Operation::uri).distinct().count(), "operation uris must be unique");
    }

    @Test
    void aliasSourceCoversTheDocumentedExamples() {
        Set<String> aliasUris = OperationCatalog.standard().operations().stream()
                .flatMap(op -> op.aliases().stream().map(a -> op.resource() + "/" + a))
                .collect(Collectors.toSet());
        assertTrue(aliasUris.containsAll(
                Set.of("company/pushCompanyAndCustomers", "company/fieldsSelector", "order/orderEnums")),
                "aliases: " + aliasUris);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void sendsTheDocumentedRequest(Operation op) {
        Call call = Call.of(op);
        Exchange result = send(op, op.uri(), call);

        assertEquals(op.uri(), result.getMessage().getHeader(OkkiConstants.OPERATION));
        assertResponseMapped(op, result);
        assertRequest(op, call, onlyApiRequest());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aliases")
    void aliasReachesTheSameRequest(Operation op, String alias) {
        Call call = Call.of(op);
        Exchange result = send(op, op.resource() + "/" + alias, call);

        // the alias resolves to the canonical operation
        assertEquals(op.uri(), result.getMessage().getHeader(OkkiConstants.OPERATION));
        LoggedRequest request = onlyApiRequest();
        assertEquals(op.path(), path(request), "okki:" + op.resource() + "/" + alias + " must call " + op.path());
        assertRequest(op, call, request);
    }

    // ------------------------------------------------------------------------------------------------------------

    /** What to send to an operation, and what OKKI must then receive. */
    private record Call(
            Map<String, String> uriParams, Map<String, Object> headerParams, Object id, String body,
            String expectedPath, Map<String, List<String>> expectedQuery, Map<String, List<String>> expectedFields) {

        static Call of(Operation op) {
            Map<String, String> uriParams = new TreeMap<>();
            Map<String, Object> headerParams = new LinkedHashMap<>();
            Object id = null;
            Map<String, String> sent = new LinkedHashMap<>();

            // every required parameter; the id parameter through the id header, the others as plain URI options
            for (Parameter p : op.parameters().toList()) {
                if (!p.required()) {
                    continue;
                }
                // a string names its parameter; a number is unique within the call, and must arrive as written
                String value = p.type() == Parameter.Type.STRING ? "req-" + p.name() : String.valueOf(1001 + sent.size());
                if (p.name().equals(op.idParameter())) {
                    id = value;
                } else {
                    uriParams.put(p.name(), value);
                }
                sent.put(p.name(), value);
            }
            // one optional query parameter (not a paging one, not a path one), through the params header
            op.query().stream()
                    .filter(p -> !p.required())
                    .filter(p -> !PAGING_PARAMS.contains(p.name()))
                    .filter(p -> !pathParameters(op).contains(p.name()))
                    .findFirst()
                    .ifPresent(p -> {
                        headerParams.put(p.name(), "opt-" + p.name());
                        sent.put(p.name(), "opt-" + p.name());
                    });
            // form and multipart operations get every one of their fields
            if (op.bodyType().carriesFields()) {
                op.fields().stream().filter(p -> !p.required()).forEach(p -> {
                    headerParams.put(p.name(), "opt-" + p.name());
                    sent.put(p.name(), "opt-" + p.name());
                });
            }

            String path = op.path();
            Map<String, List<String>> query = new TreeMap<>();
            Map<String, List<String>> fields = new TreeMap<>();
            for (Map.Entry<String, String> e : sent.entrySet()) {
                String name = e.getKey();
                if (pathParameters(op).contains(name)) {
                    path = path.replace("{" + name + "}", e.getValue());
                } else if (declares(op.query(), name)) {
                    query.put(name, List.of(e.getValue()));
                } else {
                    assertTrue(op.bodyType().carriesFields() && declares(op.fields(), name),
                            name + " is neither a query parameter nor a field of " + op.uri());
                    fields.put(name, List.of(e.getValue()));
                }
            }
            assertFalse(path.contains("{"), op.uri() + ": a path placeholder is not a required parameter: " + path);
            if (op.isPageable()) {
                query.put(op.paging().style().pageParam(), List.of("1"));
                query.put(op.paging().style().sizeParam(), List.of(DEFAULT_PAGE_SIZE));
            }
            String body = op.bodyType() == BodyType.JSON ? jsonBody(op) : null;
            return new Call(uriParams, headerParams, id, body, path, query, fields);
        }

        /** A probe member and every field the body must have to be sent (bodies.txt), with a value of its type. */
        private static String jsonBody(Operation op) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("probe", op.uri());
            op.bodyFields().topLevel().stream().filter(f -> f.need().checked()).forEach(f -> body.put(f.name(),
                    switch (f.type()) {
                        case ARRAY -> List.of();
                        case OBJECT -> Map.of();
                        case INTEGER, NUMBER -> 1;
                        case BOOLEAN -> true;
                        case STRING -> "probe";
                    }));
            boolean arrayBody = op.bodyFields().topLevel().stream().anyMatch(f -> f.path().startsWith("[]."));
            return json(arrayBody ? List.of(body) : body);
        }

        private static boolean declares(List<Parameter> parameters, String name) {
            return parameters.stream().anyMatch(p -> p.name().equals(name));
        }

        /** The {placeholders} of the path, found independently of {@link Operation#pathParameters()}. */
        private static Set<String> pathParameters(Operation op) {
            return PLACEHOLDER.matcher(op.path()).results().map(r -> r.group(1)).collect(Collectors.toSet());
        }

        String endpointUri(String resourceAndName) {
            String options = uriParams.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("&"));
            return "okki:" + resourceAndName + (options.isEmpty() ? "" : "?" + options);
        }
    }

    private Exchange send(Operation op, String resourceAndName, Call call) {
        stubToken();
        Object data = op.isPage()
                ? Map.of("list", List.of(Map.of("probe", op.uri())), op.paging().totalField(), 1)
                : Map.of("probe", op.uri());
        stub(any(anyUrl()).atPriority(100).willReturn(okJsonText(envelope(data))));

        Exchange result = template.request(call.endpointUri(resourceAndName), e -> {
            if (!call.headerParams().isEmpty()) {
                e.getMessage().setHeader(OkkiConstants.PARAMS, call.headerParams());
            }
            if (call.id() != null) {
                e.getMessage().setHeader(OkkiConstants.ID, call.id());
            }
            e.getMessage().setBody(call.body());
        });
        if (result.getException() != null) {
            throw new AssertionError("okki:" + resourceAndName + " failed: " + result.getException(),
                    result.getException());
        }
        return result;
    }

    private static void assertResponseMapped(Operation op, Exchange result) {
        Object body = result.getMessage().getBody();
        if (op.isPage()) {
            List<?> records = assertInstanceOf(List.class, body);
            assertEquals(List.of(Map.of("probe", op.uri())), records);
            assertEquals(1L, result.getMessage().getHeader(OkkiConstants.TOTAL));
            assertEquals(1, result.getMessage().getHeader(OkkiConstants.PAGE));
            assertEquals(100, result.getMessage().getHeader(OkkiConstants.PAGE_SIZE));
        } else {
            assertEquals(Map.of("probe", op.uri()), body);
            assertNull(result.getMessage().getHeader(OkkiConstants.TOTAL));
        }
        assertEquals(NOW, result.getMessage().getHeader(OkkiConstants.SERVER_TIME));
    }

    private static LoggedRequest onlyApiRequest() {
        List<LoggedRequest> requests = new ArrayList<>();
        for (ServeEvent event : okki.getAllServeEvents()) {
            if (!TOKEN_PATHS.contains(path(event.getRequest()))) {
                requests.add(event.getRequest());
            }
        }
        assertEquals(1, requests.size(), () -> "expected exactly one API request, got "
                + requests.stream().map(r -> r.getMethod() + " " + r.getUrl()).toList());
        return requests.get(0);
    }

    private static void assertRequest(Operation op, Call call, LoggedRequest request) {
        String what = "okki:" + op.uri();
        assertEquals(op.method().name(), request.getMethod().getName(), what + " method");
        assertEquals(call.expectedPath(), path(request), what + " path");
        assertEquals(call.expectedQuery(), query(request), what + " query");
        assertEquals("Bearer " + TOKEN, request.getHeader("Authorization"), what + " authorization");

        String contentType = request.containsHeader("Content-Type") ? request.getHeader("Content-Type") : null;
        switch (op.bodyType()) {
            case NONE -> {
                assertNull(contentType, what + " sends no body, so no Content-Type");
                assertEquals(0, request.getBody().length, what + " sends no body");
            }
            case JSON -> {
                assertNotNull(contentType, what + " Content-Type");
                assertTrue(contentType.startsWith("application/json"), what + " Content-Type " + contentType);
                assertEquals(call.body(), request.getBodyAsString(), what + " body");
            }
            case FORM -> {
                assertNotNull(contentType, what + " Content-Type");
                assertTrue(contentType.startsWith("application/x-www-form-urlencoded"),
                        what + " Content-Type " + contentType);
                assertFalse(call.expectedFields().isEmpty(), what + " test sends fields");
                assertEquals(call.expectedFields(), decodePairs(request.getBodyAsString()), what + " form body");
            }
            case MULTIPART -> {
                assertNotNull(contentType, what + " Content-Type");
                assertTrue(contentType.startsWith("multipart/form-data"), what + " Content-Type " + contentType);
                assertFalse(call.expectedFields().isEmpty(), what + " test sends fields");
                Map<String, List<String>> parts = new TreeMap<>();
                for (Request.Part part : request.getParts()) {
                    parts.computeIfAbsent(part.getName(), k -> new ArrayList<>()).add(part.getBody().asString());
                }
                assertEquals(call.expectedFields(), parts, what + " multipart parts");
                String raw = request.getBodyAsString();
                call.expectedFields().forEach((name, values) -> {
                    assertTrue(raw.contains("name=\"" + name + "\""), what + " part " + name);
                    values.forEach(v -> assertTrue(raw.contains(v), what + " part value " + v));
                });
            }
            default -> throw new AssertionError("unexpected body type " + op.bodyType());
        }
    }

    private static String path(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** The query string as name → values, in order of appearance per name; empty when there is none. */
    private static Map<String, List<String>> query(LoggedRequest request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        return q < 0 ? new TreeMap<>() : decodePairs(url.substring(q + 1));
    }

    private static Map<String, List<String>> decodePairs(String encoded) {
        Map<String, List<String>> out = new TreeMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return out;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return out;
    }
}
