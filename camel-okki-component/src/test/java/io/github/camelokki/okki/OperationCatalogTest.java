package io.github.camelokki.okki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.catalog.Paging;
import io.github.camelokki.okki.internal.catalog.Parameter;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalog against its own naming rule and against the published operation list
 * ({@code <repo>/../shared/okki-api/operations.md}); no Camel involved.
 */
class OperationCatalogTest {

    /** Long names that the catalog shortens: long form → short canonical name (the long form stays an alias). */
    private static final Map<String, String> SHORT_FORMS = Map.of(
            "company/fieldsSelector", "selector",
            "opportunity/fieldsSelector", "selector",
            "quotation/fieldsSelector", "selector",
            "purchaseOrder/fieldsSelector", "selector",
            "company/companyEnums", "enums",
            "product/productEnums", "enums",
            "order/orderEnums", "enums",
            "company/pushCompanyAndCustomers", "push",
            "company/removeCompanyAndCustomers", "remove");

    private static final Set<String> PAGING_PARAMS = Set.of("start_index", "count", "page_no", "page_size");

    private final OperationCatalog catalog = OperationCatalog.standard();

    static Stream<Arguments> operations() {
        return OperationCatalog.standard().operations().stream().map(op -> Arguments.of(Named.of(op.uri(), op)));
    }

    // --- naming rule ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void namingRuleHolds(Operation op) {
        String derived = deriveUri(op.method().name(), op.path());
        String resource = derived.substring(0, derived.indexOf('/'));
        String longName = derived.substring(derived.indexOf('/') + 1);

        assertEquals(resource, op.resource(), op.method() + " " + op.path() + " resource");
        String shortName = SHORT_FORMS.get(derived);
        if (shortName != null) {
            assertEquals(shortName, op.name(), op.method() + " " + op.path() + " takes the short form");
            assertEquals(List.of(longName), op.aliases(), op.uri() + " keeps the long form as its alias");
        } else {
            assertEquals(longName, op.name(), op.method() + " " + op.path() + " name");
            assertEquals(List.of(), op.aliases(), op.uri() + " has no aliases");
        }
        assertSame(op, catalog.require(op.resource(), op.name()));
        op.aliases().forEach(alias -> assertSame(op, catalog.require(op.resource(), alias), alias));
    }

    @Test
    void everyShortFormIsInUse() {
        Set<String> aliases = catalog.operations().stream()
                .flatMap(op -> op.aliases().stream().map(a -> op.resource() + "/" + a))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(SHORT_FORMS.keySet()), aliases);
        assertEquals("company/push", catalog.require("company", "pushCompanyAndCustomers").uri());
        assertEquals("company/remove", catalog.require("company", "removeCompanyAndCustomers").uri());
        assertEquals("company/selector", catalog.require("company", "fieldsSelector").uri());
        assertEquals("company/enums", catalog.require("company", "companyEnums").uri());
        assertEquals("order/enums", catalog.require("order", "orderEnums").uri());
        assertEquals("product/enums", catalog.require("product", "productEnums").uri());
    }

    @Test
    void deriveUriFollowsTheRule() {
        // the test's own rule, on examples worked out by hand
        assertEquals("company/list", deriveUri("GET", "/v1/company/list"));
        assertEquals("company/pushCustomer", deriveUri("POST", "/v1/company/push/customer"));
        assertEquals("company/fieldsSelector", deriveUri("GET", "/v1/company/fields/selector"));
        assertEquals("product/appendSkuAttributesValue", deriveUri("POST", "/v1/product/append-sku-attributes-value"));
        assertEquals("order/orderEnums", deriveUri("GET", "/v1/invoices/order/orderEnums"));
        assertEquals("receiptRegistration/allocate", deriveUri("POST", "/v1/invoices/receiptRegistration/allocate"));
        assertEquals("trail/list", deriveUri("GET", "/v1/dynamic/trail/list"));
        assertEquals("webhook/regenerateSecret", deriveUri("POST", "/v1/webhook/regenerate-secret"));
        assertEquals("webhook/get", deriveUri("GET", "/v1/webhook"));
        assertEquals("webhook/create", deriveUri("POST", "/v1/webhook"));
        assertEquals("webhook/update", deriveUri("PUT", "/v1/webhook"));
        assertEquals("webhook/delete", deriveUri("DELETE", "/v1/webhook"));
        assertEquals("subscribe/list", deriveUri("GET", "/v1/subscribe"));
        assertEquals("subscribe/create", deriveUri("POST", "/v1/subscribe"));
        assertEquals("subscribe/get", deriveUri("GET", "/v1/subscribe/{subscribe_type}"));
        assertEquals("subscribe/update", deriveUri("PUT", "/v1/subscribe/{subscribe_type}"));
        assertEquals("subscribe/delete", deriveUri("DELETE", "/v1/subscribe/{subscribe_type}"));
    }

    /**
     * The uri the naming rule gives a path, before short forms: resource = the segment after /v1/ (after
     * /v1/invoices/ for invoice documents), trail for /v1/dynamic/trail/*; operation = the rest of the path in
     * lowerCamelCase with / and - dropped; multi-method paths are named by their method.
     */
    static String deriveUri(String method, String path) {
        switch (path) {
            case "/v1/webhook":
                return "webhook/" + switch (method) {
                    case "GET" -> "get";
                    case "POST" -> "create";
                    case "PUT" -> "update";
                    case "DELETE" -> "delete";
                    default -> throw new AssertionError(method + " " + path);
                };
            case "/v1/subscribe":
                return "subscribe/" + switch (method) {
                    case "GET" -> "list";
                    case "POST" -> "create";
                    default -> throw new AssertionError(method + " " + path);
                };
            case "/v1/subscribe/{subscribe_type}":
                return "subscribe/" + switch (method) {
                    case "GET" -> "get";
                    case "PUT" -> "update";
                    case "DELETE" -> "delete";
                    default -> throw new AssertionError(method + " " + path);
                };
            default:
                break;
        }
        assertTrue(path.startsWith("/v1/"), path);
        String rest = path.substring("/v1/".length());
        String resource;
        if (rest.startsWith("dynamic/trail/")) {
            resource = "trail";
            rest = rest.substring("dynamic/trail/".length());
        } else {
            if (rest.startsWith("invoices/")) {
                rest = rest.substring("invoices/".length());
            }
            int slash = rest.indexOf('/');
            assertTrue(slash > 0, "no operation part in " + path);
            resource = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        assertFalse(rest.isEmpty() || rest.contains("{"), "cannot name " + method + " " + path);
        StringBuilder name = new StringBuilder();
        for (String word : rest.split("[/-]+")) {
            if (word.isEmpty()) {
                continue;
            }
            name.append(name.length() == 0
                    ? Character.toLowerCase(word.charAt(0)) + word.substring(1)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return resource + "/" + name;
    }

    // --- against operations.md --------------------------------------------------------------------------------

    @Test
    void everyDocumentedOperationIsInTheCatalogExactlyOnce() throws IOException {
        List<DocRow> rows = documentedOperations();
        List<DocRow> oauth = rows.stream().filter(r -> r.path().startsWith("/v1/oauth2/")).toList();
        assertEquals(List.of("POST /v1/oauth2/access_token", "POST /v1/oauth2/refresh_token"),
                oauth.stream().map(DocRow::key).sorted().toList());
        List<DocRow> api = rows.stream().filter(r -> !r.path().startsWith("/v1/oauth2/")).toList();
        assertEquals(117, api.size(), "documented operations besides the two oauth2 ones");
        assertEquals(api.size(), api.stream().map(DocRow::key).distinct().count(), "operations.md repeats a row");

        Map<String, List<Operation>> byKey = catalog.operations().stream()
                .collect(Collectors.groupingBy(op -> op.method() + " " + op.path(), TreeMap::new, Collectors.toList()));
        List<String> problems = new ArrayList<>();
        for (DocRow row : api) {
            List<Operation> ops = byKey.getOrDefault(row.key(), List.of());
            if (ops.size() != 1) {
                problems.add(row.key() + " is in the catalog " + ops.size() + " times "
                        + ops.stream().map(Operation::uri).toList());
            } else if (!row.scope().equals(ops.get(0).scope())) {
                problems.add(row.key() + " has scope " + ops.get(0).scope() + " in the catalog, " + row.scope()
                        + " in operations.md");
            }
        }
        Set<String> documented = api.stream().map(DocRow::key).collect(Collectors.toSet());
        byKey.keySet().stream().filter(k -> !documented.contains(k))
                .forEach(k -> problems.add(k + " is in the catalog but not in operations.md"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyDocumentedPageIsAPageOperation() throws IOException {
        Pattern page = Pattern.compile("page\\{([^}]*)}");
        List<String> problems = new ArrayList<>();
        int pages = 0;
        for (DocRow row : documentedOperations()) {
            Matcher m = page.matcher(row.data());
            if (!m.matches()) {
                continue;
            }
            pages++;
            List<String> members = Arrays.asList(m.group(1).split(","));
            Operation op = catalog.operations().stream()
                    .filter(o -> (o.method() + " " + o.path()).equals(row.key())).findFirst().orElse(null);
            if (op == null) {
                problems.add(row.key() + " is missing");
            } else if (op.paging() == null) {
                problems.add(op.uri() + " answers " + row.data() + " but has no paging column");
            } else if (!op.paging().recordsField().equals(members.get(0))
                    || !members.contains(op.paging().totalField())) {
                problems.add(op.uri() + " pages as " + op.paging() + " but answers " + row.data());
            }
        }
        assertEquals(19, pages, "page-shaped answers in operations.md");
        assertEquals(List.of(), problems);
    }

    // --- paging -----------------------------------------------------------------------------------------------

    @Test
    void pagingColumnsMatchTheQueryParameters() {
        List<String> problems = new ArrayList<>();
        for (Operation op : catalog.operations()) {
            Set<String> query = op.query().stream().map(Parameter::name).collect(Collectors.toSet());
            if (query.contains("start_index") && query.contains("count") && !op.isPageable()) {
                problems.add(op.uri() + " takes start_index and count but is not pageable");
            }
            if (op.isPage() != (op.paging() != null)) {
                problems.add(op.uri() + " isPage disagrees with its paging column");
            }
            Paging paging = op.paging();
            if (paging == null) {
                continue;
            }
            if (!"list".equals(paging.recordsField())) {
                problems.add(op.uri() + " keeps its records in " + paging.recordsField());
            }
            switch (paging.style()) {
                case INDEX -> {
                    if (!query.containsAll(Set.of("start_index", "count"))) {
                        problems.add(op.uri() + " is index-paged but its query lacks start_index or count: " + query);
                    }
                }
                case PAGE_NO -> {
                    if (!query.containsAll(Set.of("page_no", "page_size"))) {
                        problems.add(op.uri() + " is pageNo-paged but its query lacks page_no or page_size: " + query);
                    }
                }
                case SINGLE -> {
                    if (query.stream().anyMatch(PAGING_PARAMS::contains)) {
                        problems.add(op.uri() + " is single-paged but takes paging parameters: " + query);
                    }
                }
                default -> problems.add(op.uri() + " has an unknown paging style");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void pathPlaceholdersAreRequiredQueryParameters() {
        for (Operation op : catalog.operations()) {
            for (String name : op.pathParameters()) {
                Optional<Parameter> p = op.query().stream().filter(q -> q.name().equals(name)).findFirst();
                assertTrue(p.isPresent() && p.get().required(), op.uri() + " path parameter " + name);
            }
        }
        assertEquals(List.of("subscribe/delete", "subscribe/get", "subscribe/update"),
                catalog.operations().stream().filter(op -> !op.pathParameters().isEmpty()).map(Operation::uri)
                        .sorted().toList());
    }

    // --- errors and scopes ------------------------------------------------------------------------------------

    @Test
    void unknownResourceSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalog.require("compnay", "list"));
        assertTrue(e.getMessage().startsWith("Unknown OKKI resource 'compnay' in okki:compnay/list. "
                + "Did you mean company? Valid resources: "), e.getMessage());
        assertTrue(e.getMessage().contains(", company, "), e.getMessage());
        assertTrue(e.getMessage().endsWith(", or api/<get|post|put|delete>?path=... for a path the catalog lacks."),
                e.getMessage());

        IllegalArgumentException order = assertThrows(IllegalArgumentException.class,
                () -> catalog.require("ordr", "list"));
        assertTrue(order.getMessage().contains("Did you mean order?"), order.getMessage());
    }

    @Test
    void unknownOperationSuggestsTheClosest() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> catalog.require("company", "lsit"));
        assertTrue(e.getMessage().startsWith("Unknown operation 'lsit' of OKKI resource 'company'. "
                + "Did you mean company/list? Valid operations: "), e.getMessage());
        assertTrue(e.getMessage().contains(" info, list, moveToPublic, push, "), e.getMessage());

        IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
                () -> catalog.require("company", "fieldSelector"));
        assertTrue(alias.getMessage().contains("Did you mean company/fieldsSelector?"), alias.getMessage());

        IllegalArgumentException webhook = assertThrows(IllegalArgumentException.class,
                () -> catalog.require("webhook", "regenerateSecrets"));
        assertTrue(webhook.getMessage().contains("Did you mean webhook/regenerateSecret?"), webhook.getMessage());
    }

    @Test
    void scopeForPathUsesTheClosestKnownFolder() {
        assertEquals(Optional.of("company"), catalog.scopeForPath("/v1/company/somethingNew"));
        assertEquals(Optional.of("invoices"), catalog.scopeForPath("/v1/invoices/order/x"));
        assertEquals(Optional.of("warehouse"), catalog.scopeForPath("/v1/invoices/outbound/x"));
        assertEquals(Optional.of("company"), catalog.scopeForPath("/v1/dynamic/trail/x"));
        assertEquals(Optional.empty(), catalog.scopeForPath("/v1/nothingHere/x"));
    }

    // --- operations.md ----------------------------------------------------------------------------------------

    /** One row of operations.md: method, path, scope (a trailing ? dropped) and the shape of data. */
    record DocRow(String method, String path, String scope, String data) {
        String key() {
            return method + " " + path;
        }
    }

    static Path operationsMd() {
        return SharedApiFiles.locate("operations.md", "okki.operations.md");
    }

    static List<DocRow> documentedOperations() throws IOException {
        List<DocRow> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(operationsMd(), StandardCharsets.UTF_8);
        Map<String, Integer> column = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1))
                    .map(String::strip).toList();
            if (column == null) {
                column = new HashMap<>();
                for (int c = 0; c < cells.size(); c++) {
                    column.put(cells.get(c).toLowerCase(Locale.ROOT), c);
                }
                for (String needed : List.of("method", "path", "scope", "data")) {
                    assertNotNull(column.get(needed), "operations.md has no " + needed + " column");
                }
                continue;
            }
            if (cells.stream().allMatch(c -> c.matches("-+"))) {
                continue;
            }
            assertEquals(column.size(), cells.size(), "operations.md line " + (i + 1) + " has the wrong cell count");
            String scope = cells.get(column.get("scope"));
            rows.add(new DocRow(cells.get(column.get("method")), cells.get(column.get("path")),
                    scope.endsWith("?") ? scope.substring(0, scope.length() - 1) : scope,
                    cells.get(column.get("data"))));
        }
        assertFalse(rows.isEmpty(), "no operations read from operations.md");
        return rows;
    }

    @Test
    void documentedRowsParse() throws IOException {
        List<DocRow> rows = documentedOperations();
        assertEquals(119, rows.size());
        Map<String, DocRow> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(r.key(), r));
        DocRow list = byKey.get("GET /v1/company/list");
        assertNotNull(list);
        assertEquals("company", list.scope());
        assertEquals("page{list,totalItem,count}", list.data());
        assertNull(byKey.get("GET /v1/company/nothing"));
    }
}
