package io.github.camelokki.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.common.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class OkkiSimulatorTest extends SimulatorTestSupport {

    /** Resources with a last contact time (order_time) that {@link Records#contact} moves. */
    private static final Set<String> CONTACTED = Set.of("company", "lead", "opportunity");

    // --- tokens ---

    @Test
    void clientCredentialsGrantIssuesABearerTokenThatOpensDataCalls() throws Exception {
        HttpResponse<String> answer = postForm("/v1/oauth2/access_token", Map.of("grant_type", "client_credentials",
                "client_id", "sim-client", "client_secret", "sim-secret"));

        assertEquals(200, answer.statusCode());
        Map<String, Object> body = json(answer);
        assertEquals("Bearer", body.get("token_type"));
        assertEquals(28800, body.get("expires_in"));
        assertTrue(((String) body.get("access_token")).startsWith("sim-at-"));
        assertTrue(((String) body.get("refresh_token")).startsWith("sim-rt-"));
        assertEquals(200, get("/v1/company/list", (String) body.get("access_token")).statusCode());
        assertEquals(1, sim.tokenRequests());
    }

    @Test
    void passwordGrantChecksTheSha256OfTheUsersPassword() throws Exception {
        sim.user("alice", "s3cret-pw");
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "password", "client_id", "sim-client",
                "client_secret", "sim-secret", "username", "alice",
                "password", "e1e748fd3cd8c6cb8f19c746a76c041d0f4a8a7fa90097bce2b25469d05e2112"));
        assertEquals(200, postForm("/v1/oauth2/access_token", form).statusCode());

        form.put("password", "s3cret-pw");
        HttpResponse<String> wrongPassword = postForm("/v1/oauth2/access_token", form);
        assertEquals(400, wrongPassword.statusCode());
        Map<String, Object> error = json(wrongPassword);
        assertEquals("invalid_grant", error.get("error"));
        assertEquals("The user credentials were incorrect.", error.get("error_description"));
        assertEquals("Check the username and the SHA-256 of the password", error.get("hint"));
        assertEquals(2, sim.tokenRequests());
    }

    @Test
    void unknownClientIsRefusedWith401() throws Exception {
        sim.client("other", "other-secret");
        HttpResponse<String> answer = postForm("/v1/oauth2/access_token", Map.of("grant_type", "client_credentials",
                "client_id", "other", "client_secret", "sim-secret"));

        assertEquals(401, answer.statusCode());
        assertEquals("{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\","
                + "\"message\":\"Client authentication failed\"}", answer.body());
    }

    @Test
    void refreshTokenIsTradedOnceForANewPairWithTheSameScopes() throws Exception {
        Map<String, Object> first = json(grant("company"));
        Map<String, String> refresh = Map.of("grant_type", "refresh_token", "client_id", "sim-client",
                "client_secret", "sim-secret", "refresh_token", (String) first.get("refresh_token"));

        Map<String, Object> second = json(postForm("/v1/oauth2/refresh_token", refresh));
        assertNotEquals(first.get("access_token"), second.get("access_token"));
        String newToken = (String) second.get("access_token");
        assertEquals(200, code(get("/v1/company/list", newToken)));
        assertEquals(403, code(get("/v1/lead/list", newToken)));

        HttpResponse<String> reused = postForm("/v1/oauth2/refresh_token", refresh);
        assertEquals(400, reused.statusCode());
        assertEquals("invalid_request", json(reused).get("error"));
        assertEquals("Token has been revoked", json(reused).get("hint"));
        assertEquals(3, sim.tokenRequests());
    }

    @Test
    void expireTokensMakesIssuedTokensAnswer401ButRefreshStillWorks() throws Exception {
        Map<String, Object> pair = json(grant(null));
        String token = (String) pair.get("access_token");
        assertEquals(200, get("/v1/company/list", token).statusCode());

        sim.expireTokens();

        HttpResponse<String> refused = get("/v1/company/list", token);
        assertEquals(401, refused.statusCode());
        assertEquals("{\"message\":\"Unauthenticated.\"}", refused.body());
        Map<String, Object> renewed = json(postForm("/v1/oauth2/refresh_token", Map.of("grant_type", "refresh_token",
                "client_id", "sim-client", "client_secret", "sim-secret",
                "refresh_token", (String) pair.get("refresh_token"))));
        assertEquals(200, get("/v1/company/list", (String) renewed.get("access_token")).statusCode());
    }

    @Test
    void tokensExpireWhenTheClockPassesTheirLifetime() throws Exception {
        sim.tokenLifetime(Duration.ofHours(1));
        Map<String, Object> pair = json(grant(null));
        assertEquals(3600, pair.get("expires_in"));
        String token = (String) pair.get("access_token");

        sim.advance(Duration.ofMinutes(59).plusSeconds(59));
        assertEquals(200, get("/v1/company/list", token).statusCode());
        sim.advance(Duration.ofSeconds(1));
        assertEquals(401, get("/v1/company/list", token).statusCode());
        assertEquals(401, get("/v1/company/list", null).statusCode());
    }

    @Test
    void tokenWithoutTheModuleScopeGetsEnvelope403() throws Exception {
        String token = (String) json(grant("company invoices")).get("access_token");

        HttpResponse<String> refused = get("/v1/supplier/list", token);
        assertEquals(200, refused.statusCode());
        assertEquals("{\"code\":403,\"message\":\"no permission supplier scopes\",\"now\":\"2026-11-25 10:00:00\","
                + "\"data\":null}", refused.body());
        assertEquals("no permission warehouse scopes", json(get("/v1/invoices/outbound/list", token)).get("message"));
        assertEquals(200, code(get("/v1/invoices/order/list", token)));
    }

    // --- lists ---

    @Test
    void companiesArePagedByStartIndexAndCountWithTotals() throws Exception {
        sim.records("company").seed(45);
        String token = sim.issueToken();
        List<Map<String, Object>> all = new ArrayList<>();
        int[] sizes = new int[3];
        for (int page = 1; page <= 3; page++) {
            Map<String, Object> data = data(get("/v1/company/list?count=20&start_index=" + page, token));
            assertEquals(45, data.get("totalItem"));
            assertEquals(20, data.get("count"));
            List<Map<String, Object>> list = list(data);
            sizes[page - 1] = list.size();
            all.addAll(list);
        }
        assertEquals(List.of(20, 20, 5), List.of(sizes[0], sizes[1], sizes[2]));
        assertEquals(45, all.stream().map(r -> r.get("company_id")).distinct().count());
        assertEquals(sim.records("company").all(), all);
        for (int i = 1; i < all.size(); i++) {
            assertTrue(((String) all.get(i - 1).get("update_time")).compareTo((String) all.get(i).get("update_time"))
                    >= 0, "newest update first");
        }
        Map<String, Object> first = all.get(0);
        assertTrue(((String) first.get("serial_id")).matches("C\\d{6}"));
        assertTrue(first.get("name") instanceof String && first.get("country") instanceof String);
        assertEquals(0, list(data(get("/v1/company/list?count=20&start_index=4", token))).size());
    }

    @Test
    void defaultPageSizeIs20AndOtherResourcesCountTheTotal() throws Exception {
        sim.records("order").seed(25);
        sim.records("supplier").seed(25);
        String token = sim.issueToken();

        Map<String, Object> orders = data(get("/v1/invoices/order/list", token));
        assertEquals(20, list(orders).size());
        assertEquals(25, orders.get("count"));
        Map<String, Object> order = list(orders).get(0);
        assertTrue(((String) order.get("order_no")).matches("SO\\d{6}"));
        assertTrue(order.get("amount") instanceof Number && order.get("currency") instanceof String);

        Map<String, Object> suppliers = data(get("/v1/supplier/list?page_size=10&page_no=3", token));
        assertEquals(5, list(suppliers).size());
        assertEquals(25, suppliers.get("count"));
    }

    @Test
    void listsFilterByTimeWindowAndTimeType() throws Exception {
        Records companies = sim.records("company");
        Object early = companies.create(Map.of("name", "Early")).get("company_id");
        sim.advance(Duration.ofHours(1));
        Object middle = companies.create(Map.of("name", "Middle")).get("company_id");
        sim.advance(Duration.ofDays(1));
        Object late = companies.create(Map.of("name", "Late")).get("company_id");
        sim.advance(Duration.ofHours(1));
        companies.update(early, Map.of("name", "Early, edited"));
        String token = sim.issueToken();

        assertEquals(List.of(early, late), ids(get("/v1/company/list?start_time=2026-11-26+11:00:00", token),
                "company_id"));
        assertEquals(List.of(middle), ids(get("/v1/company/list?start_time=" + enc("2026-11-25 11:00:00")
                + "&end_time=" + enc("2026-11-25 11:00:00"), token), "company_id"));
        assertEquals(List.of(middle), ids(get("/v1/company/list?start_time=2026-11-25&end_time=2026-11-25",
                token), "company_id"));
        // still sorted by update time: the edited early record first
        assertEquals(List.of(early, middle), ids(get("/v1/company/list?time_type=2&end_time=2026-11-25", token),
                "company_id"));
    }

    @Test
    void deletedRecordsLeaveNormalListsAndAppearInTheRemovedListing() throws Exception {
        Records companies = sim.records("company");
        companies.seed(3);
        Map<String, Object> before = companies.all().get(2);
        Object gone = before.get("company_id");
        sim.advance(Duration.ofMinutes(5));
        companies.delete(gone);
        String token = sim.issueToken();

        Map<String, Object> live = data(get("/v1/company/list", token));
        assertEquals(2, live.get("totalItem"));
        assertFalse(list(live).stream().anyMatch(r -> r.get("company_id").equals(gone)));
        Map<String, Object> removed = data(get("/v1/company/list?removed=1", token));
        assertEquals(1, removed.get("totalItem"));
        assertEquals(before, list(removed).get(0));
        // deleting leaves update_time alone, so a window starting after the last update misses the deletion
        assertEquals(List.of(), ids(get("/v1/company/list?removed=1&start_time=2026-11-25", token), "company_id"));
        assertEquals(2, companies.size());
        assertTrue(companies.isDeleted(gone));
        assertEquals(T0.plusMinutes(5), companies.times(gone).get(RecordTime.DELETION));

        Records suppliers = sim.records("supplier");
        Object supplier = suppliers.create(Map.of("name", "Acme")).get("supplier_id");
        suppliers.delete(supplier);
        assertEquals(List.of(supplier), ids(get("/v1/supplier/list?is_delete=1", token), "supplier_id"));
        assertEquals(List.of(), ids(get("/v1/supplier/list?removed=1", token), "supplier_id"));
    }

    @Test
    void updateBumpsUpdateTimeAndMovesTheRecordToTheFront() throws Exception {
        Records orders = sim.records("order");
        orders.seed(10);
        Map<String, Object> oldest = orders.all().get(9);
        sim.advance(Duration.ofSeconds(30));

        Map<String, Object> updated = orders.update(oldest.get("order_id"), Map.of("amount", 99, "order_id", 1));

        assertEquals("2026-11-25 10:00:30", updated.get("update_time"));
        assertEquals(oldest.get("create_time"), updated.get("create_time"));
        assertEquals(oldest.get("order_id"), updated.get("order_id"));
        assertEquals(99, updated.get("amount"));
        Map<String, Object> front = list(data(get("/v1/invoices/order/list?count=1", sim.issueToken()))).get(0);
        assertEquals(oldest.get("order_id"), front.get("order_id"));
        assertEquals("2026-11-25 10:00:30", front.get("update_time"));
    }

    // --- which time each list's window filters on ---

    /**
     * The 16 lists with a time window, each with no selector and with every documented selector value (plus an
     * undocumented one for company, lead and product, which gets the default), and the time the window should then
     * filter on, as read from OKKI's docs independently of the simulator's table.
     */
    static Stream<Arguments> timeFilteredLists() {
        return Stream.of(
                arguments("company", "/v1/company/list", "", "update"),
                arguments("company", "/v1/company/list", "time_type=1", "update"),
                arguments("company", "/v1/company/list", "time_type=2", "create"),
                arguments("company", "/v1/company/list", "time_type=3", "filing"),
                arguments("company", "/v1/company/list", "time_type=9", "update"),
                arguments("lead", "/v1/lead/list", "", "contact"),
                arguments("lead", "/v1/lead/list", "sort_field=update_time", "update"),
                arguments("lead", "/v1/lead/list", "sort_field=order_time", "contact"),
                arguments("lead", "/v1/lead/list", "sort_field=edit_time", "edit"),
                arguments("lead", "/v1/lead/list", "sort_field=create_time", "contact"),
                arguments("opportunity", "/v1/opportunity/list", "", "update"),
                arguments("product", "/v1/product/list", "", "create"),
                arguments("product", "/v1/product/list", "time_type=1", "update"),
                arguments("product", "/v1/product/list", "time_type=2", "create"),
                arguments("product", "/v1/product/list", "time_type=0", "create"),
                arguments("order", "/v1/invoices/order/list", "", "update"),
                arguments("order", "/v1/invoices/order/list", "time_type=1", "update"),
                arguments("order", "/v1/invoices/order/list", "time_type=2", "create"),
                arguments("order", "/v1/invoices/order/list", "time_type=3", "order date"),
                arguments("order", "/v1/invoices/order/list", "time_type=4", "deletion"),
                arguments("quotation", "/v1/invoices/quotation/list", "", "create"),
                arguments("receipt", "/v1/invoices/receipt/list", "", "update"),
                arguments("receiptRegistration", "/v1/invoices/receiptRegistration/list", "", "update"),
                arguments("receiptRegistration", "/v1/invoices/receiptRegistration/list", "time_type=1", "update"),
                arguments("receiptRegistration", "/v1/invoices/receiptRegistration/list", "time_type=2", "create"),
                arguments("outbound", "/v1/invoices/outbound/list", "", "update"),
                arguments("outbound", "/v1/invoices/outbound/list", "time_type=1", "update"),
                arguments("outbound", "/v1/invoices/outbound/list", "time_type=2", "create"),
                arguments("purchaseOrder", "/v1/purchaseOrder/list", "", "update"),
                arguments("purchaseOrder", "/v1/purchaseOrder/list", "time_type=1", "update"),
                arguments("purchaseOrder", "/v1/purchaseOrder/list", "time_type=2", "create"),
                arguments("purchaseInbound", "/v1/invoices/purchaseInbound/list", "", "update"),
                arguments("purchaseInbound", "/v1/invoices/purchaseInbound/list", "time_type=1", "update"),
                arguments("purchaseInbound", "/v1/invoices/purchaseInbound/list", "time_type=2", "create"),
                arguments("purchaseReturn", "/v1/invoices/purchaseReturn/list", "", "update"),
                arguments("purchaseReturn", "/v1/invoices/purchaseReturn/list", "time_type=1", "update"),
                arguments("purchaseReturn", "/v1/invoices/purchaseReturn/list", "time_type=2", "create"),
                arguments("supplier", "/v1/supplier/list", "", "update"),
                arguments("costInvoice", "/v1/costInvoice/list", "", "create"),
                arguments("costInvoice", "/v1/costInvoice/list", "time_type=1", "update"),
                arguments("costInvoice", "/v1/costInvoice/list", "time_type=2", "create"),
                arguments("paymentInvoice", "/v1/paymentInvoice/list", "", "create"),
                arguments("paymentInvoice", "/v1/paymentInvoice/list", "time_type=1", "update"),
                arguments("paymentInvoice", "/v1/paymentInvoice/list", "time_type=2", "create"),
                arguments("trail", "/v1/dynamic/trail/list", "", "create"));
    }

    /**
     * Four records, three made at 10:00 and one at 11:00; at 11:00 one of the early ones is updated, another
     * contacted (where the resource has a contact time) and the last is left alone. A window from 10:30 then holds
     * exactly the records whose filtered time moved after 10:30.
     */
    @ParameterizedTest(name = "{0} {2} filters on {3} time")
    @MethodSource("timeFilteredLists")
    void eachListFiltersOnItsOwnTime(String resource, String path, String selector, String time) throws Exception {
        Records records = sim.records(resource);
        Object updated = named(records, "updated at 11:00");
        Object contacted = named(records, "contacted at 11:00");
        Object untouched = named(records, "untouched");
        sim.advance(Duration.ofHours(1));
        records.update(updated, Map.of("name", "updated"));
        if (CONTACTED.contains(resource)) {
            records.contact(contacted);
        }
        Object created = named(records, "created at 11:00");

        Set<Object> expected = switch (time) {
            case "update" -> Set.of(updated, created);
            case "create", "filing" -> Set.of(created);
            case "contact" -> Set.of(contacted, created);
            case "edit" -> Set.of(updated); // never edited, the new record's edit_time is 1970
            case "order date", "deletion" -> Set.of(); // today at midnight; never deleted
            default -> throw new IllegalArgumentException(time);
        };
        String selected = path + "?count=50" + (selector.isEmpty() ? "" : "&" + selector);
        String query = selected + "&start_time=" + enc("2026-11-25 10:30:00");
        List<Object> got = ids(get(query, sim.issueToken()), records.idField());
        assertEquals(expected, Set.copyOf(got), query);
        assertEquals(expected.size(), got.size());
        assertFalse(got.contains(untouched));
        // without a window every live record is listed, whatever the selector
        assertEquals(4, ids(get(selected, sim.issueToken()), records.idField()).size());
    }

    @Test
    void leadsFilterAndSortOnTheLastContactUnlessSortFieldSaysOtherwise() throws Exception {
        Records leads = sim.records("lead");
        Object first = named(leads, "First");
        sim.advance(Duration.ofMinutes(1));
        Object second = named(leads, "Second");
        sim.advance(Duration.ofHours(1));
        leads.update(second, Map.of("name", "Second, edited"));
        sim.advance(Duration.ofMinutes(1));
        Map<String, Object> contacted = leads.contact(first);
        String token = sim.issueToken();

        assertEquals("2026-11-25 11:02:00", contacted.get("order_time"));
        assertEquals("2026-11-25 10:00:00", contacted.get("update_time"));
        assertEquals("2026-11-25 10:00:00", contacted.get("create_time"));
        assertEquals("1970-01-01 00:00:00", contacted.get("edit_time"));
        assertEquals(List.of(first, second), ids(get("/v1/lead/list", token), "lead_id"));
        assertEquals(List.of(second, first), ids(get("/v1/lead/list?sort_field=update_time", token), "lead_id"));
        // the edit of the second lead is invisible to a client that leaves sort_field out
        assertEquals(List.of(first), ids(get("/v1/lead/list?start_time=" + enc("2026-11-25 10:30:00"), token),
                "lead_id"));
        Map<String, Object> edited = leads.get(second);
        assertEquals("2026-11-25 11:01:00", edited.get("edit_time"));
        assertEquals("2026-11-25 11:01:00", edited.get("update_time"));
        assertEquals("2026-11-25 10:01:00", edited.get("order_time"));
    }

    @Test
    void contactIsRefusedForResourcesWithoutALastContactTime() {
        Records orders = sim.records("order");
        Object order = named(orders, "No contact");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> orders.contact(order));
        assertEquals("order records have no order_time (last contact) to move", refused.getMessage());
        assertThrows(NoSuchElementException.class, () -> sim.records("lead").contact(1));
    }

    @Test
    void companiesFiledInTheWindowAreFoundWithTimeTypeThree() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = companies.seed(40).stream().map(r -> r.get("company_id")).toList();
        LocalDateTime start = T0.minusDays(8);
        Set<Object> filed = new HashSet<>();
        Set<Object> createdAfter = new HashSet<>();
        for (Object id : all) {
            Map<RecordTime, LocalDateTime> times = companies.times(id);
            if (!times.get(RecordTime.FILING).isBefore(start)) {
                filed.add(id);
            }
            if (!times.get(RecordTime.CREATE).isBefore(start)) {
                createdAfter.add(id);
            }
        }
        assertNotEquals(createdAfter, filed, "the seeded filing times should differ from the create times");
        String window = "/v1/company/list?count=100&start_time=" + enc(SimClock.format(start));

        assertEquals(filed, Set.copyOf(ids(get(window + "&time_type=3", sim.issueToken()), "company_id")));
        assertEquals(createdAfter, Set.copyOf(ids(get(window + "&time_type=2", sim.issueToken()), "company_id")));
    }

    @Test
    void ordersFilterOnTheOrderDateThePushSets() throws Exception {
        String token = sim.issueToken();
        Object order = data(postJson("/v1/invoices/order/push", token, "{\"order_no\":\"SO-7\","
                + "\"account_date\":\"2026-11-27\"}")).get("order_id");
        Map<String, Object> stored = sim.records("order").get(order);
        assertEquals("2026-11-27 00:00:00", stored.get("account_date"));
        String nextDays = "/v1/invoices/order/list?start_time=2026-11-26&end_time=2026-11-30&time_type=";

        assertEquals(List.of(order), ids(get(nextDays + "3", token), "order_id"));
        assertEquals(List.of(), ids(get(nextDays + "2", token), "order_id"));
        sim.records("order").update(order, Map.of("account_date", "2026-12-01 15:30:00"));
        assertEquals(List.of(), ids(get(nextDays + "3", token), "order_id"));
        assertEquals("2026-12-01 00:00:00", sim.records("order").get(order).get("account_date"));
        // a value that is no date leaves the order date as it was
        sim.records("order").update(order, Map.of("account_date", "soon"));
        assertEquals("2026-12-01 00:00:00", sim.records("order").get(order).get("account_date"));
    }

    @Test
    void deletedOrdersAreFoundByTheirDeletionTimeWithTimeTypeFour() throws Exception {
        Records orders = sim.records("order");
        Object kept = named(orders, "Kept");
        Object early = named(orders, "Deleted early");
        Object late = named(orders, "Deleted late");
        sim.advance(Duration.ofMinutes(10));
        orders.delete(early);
        sim.advance(Duration.ofHours(1));
        orders.delete(late);
        String token = sim.issueToken();
        String after = "&start_time=" + enc("2026-11-25 10:30:00");

        assertEquals(List.of(late), ids(get("/v1/invoices/order/list?removed=1&time_type=4" + after, token),
                "order_id"));
        assertEquals(Set.of(early, late), Set.copyOf(ids(get("/v1/invoices/order/list?removed=1&time_type=4"
                + "&start_time=2026-11-25", token), "order_id")));
        // their update_time stayed at 10:00, so the default filter finds neither deletion
        assertEquals(List.of(), ids(get("/v1/invoices/order/list?removed=1" + after, token), "order_id"));
        assertEquals(Set.of(early, late), Set.copyOf(ids(get("/v1/invoices/order/list?removed=1", token),
                "order_id")));
        assertEquals("2026-11-25 10:00:00", orders.get(late).get("update_time"));
        assertEquals(List.of(), ids(get("/v1/invoices/order/list?time_type=4&start_time=2026-11-25", token),
                "order_id"));
        assertEquals(List.of(kept), ids(get("/v1/invoices/order/list", token), "order_id"));
    }

    @Test
    void listsShowTheTimesTheirAnswersShow() {
        Map<String, Object> company = sim.records("company").create(Map.of("name", "Acme", "update_time", "x"));
        assertEquals(Set.of("company_id", "name", "create_time", "update_time", "order_time", "edit_time"),
                company.keySet());
        assertEquals("2026-11-25 10:00:00", company.get("update_time"));
        assertEquals(Set.of("order_id", "name", "create_time", "update_time", "account_date"),
                sim.records("order").create(Map.of("name", "Deal")).keySet());
        assertEquals(Set.of("quotation_id", "name", "create_time", "update_time"),
                sim.records("quotation").create(Map.of("name", "Offer")).keySet());
        // a time the resource does not keep is an ordinary field
        assertEquals("2026-01-01", sim.records("supplier").create(Map.of("order_time", "2026-01-01"))
                .get("order_time"));
    }

    @Test
    void seededRecordsHavePlausibleTimes() {
        for (String resource : List.of("company", "lead", "order")) {
            Records records = sim.records(resource);
            for (Map<String, Object> record : records.seed(30)) {
                Map<RecordTime, LocalDateTime> times = records.times(record.get(records.idField()));
                LocalDateTime created = times.get(RecordTime.CREATE);
                LocalDateTime updated = times.get(RecordTime.UPDATE);
                assertFalse(created.isAfter(updated), resource);
                assertFalse(updated.isAfter(T0), resource);
                for (RecordTime between : List.of(RecordTime.CONTACT, RecordTime.FILING)) {
                    LocalDateTime time = times.get(between);
                    assertTrue(time == null || !time.isBefore(created) && !time.isAfter(updated), resource);
                }
                LocalDateTime orderDate = times.get(RecordTime.ORDER_DATE);
                assertTrue(orderDate == null || !orderDate.isAfter(created) && orderDate.toLocalTime()
                        .equals(LocalTime.MIDNIGHT), resource);
                assertNull(times.get(RecordTime.DELETION));
            }
        }
        assertEquals(Set.of(RecordTime.CREATE, RecordTime.UPDATE, RecordTime.CONTACT, RecordTime.EDIT,
                RecordTime.FILING), sim.records("company").times(sim.records("company").all().get(0)
                .get("company_id")).keySet());
    }

    @Test
    void trailsArePushedAndListedPerCompanyLeadOrOpportunity() throws Exception {
        String token = sim.issueToken("company");
        Object forCompany = data(postJson("/v1/dynamic/trail/push", token,
                "{\"company_id\":5202566012,\"remark_type\":102,\"content\":\"Sent samples\"}")).get("trail_id");
        Object forLead = data(postJson("/v1/dynamic/trail/push", token,
                "{\"lead_id\":52025660142,\"remark_type\":103,\"content\":\"Called\"}")).get("trail_id");
        sim.records("trail").seed(3);

        Map<String, Object> page = data(get("/v1/dynamic/trail/list?company_id=5202566012", token));
        assertEquals(1, page.get("totalItem"));
        assertEquals(forCompany, list(page).get(0).get("trail_id"));
        assertEquals("Sent samples", list(page).get(0).get("content"));
        assertEquals(List.of(forLead), ids(get("/v1/dynamic/trail/list?lead_id=52025660142", token), "trail_id"));
        assertEquals(5, data(get("/v1/dynamic/trail/list", token)).get("totalItem"));
        Map<String, Object> seeded = list(data(get("/v1/dynamic/trail/list?count=1&start_index=5", token))).get(0);
        assertTrue(seeded.get("content") instanceof String && seeded.get("type") instanceof Integer);
        assertFalse(seeded.containsKey("null"));
        assertEquals(404, get("/v1/dynamic/trail/info?trail_id=" + forLead, token).statusCode());
    }

    // --- info, push, remove ---

    @Test
    void pushInfoAndRemoveWorkOverHttp() throws Exception {
        String token = sim.issueToken();
        HttpResponse<String> created = postJson("/v1/company/pushCompanyAndCustomers", token,
                "{\"name\":\"Acme Trading\",\"country\":\"DE\"}");
        Object id = data(created).get("company_id");
        assertEquals(3_100_000_001L, ((Number) id).longValue());

        sim.advance(Duration.ofMinutes(1));
        postJson("/v1/company/pushCompanyAndCustomers", token, "{\"company_id\":" + id + ",\"country\":\"FR\"}");
        Map<String, Object> info = data(get("/v1/company/info?company_id=" + id, token));
        assertEquals("Acme Trading", info.get("name"));
        assertEquals("FR", info.get("country"));
        assertEquals("2026-11-25 10:00:00", info.get("create_time"));
        assertEquals("2026-11-25 10:01:00", info.get("update_time"));

        assertEquals(200, code(postForm("/v1/company/removeCompanyAndCustomers", token, Map.of("company_id",
                String.valueOf(id)))));
        Map<String, Object> missing = json(get("/v1/company/info?company_id=" + id, token));
        assertEquals(404, missing.get("code"));
        assertEquals("Not Found Resource", missing.get("message"));
        assertTrue(sim.records("company").isDeleted(id));

        Object order = data(postJson("/v1/invoices/order/push", token, "{\"order_no\":\"SO-1\"}")).get("order_id");
        assertEquals("SO-1", data(get("/v1/invoices/order/info?order_no=SO-1", token)).get("order_no"));
        assertEquals(200, code(send(HttpRequest.newBuilder(uri("/v1/invoices/order/remove?order_id=" + order))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()))));
        assertEquals(404, code(get("/v1/invoices/order/info?order_id=" + order, token)));
    }

    @Test
    void unknownRoutesAnswerHttp404WithAnEnvelope() throws Exception {
        HttpResponse<String> answer = get("/v1/company/nothing", sim.issueToken());
        assertEquals(404, answer.statusCode());
        assertEquals("{\"code\":404,\"message\":\"Not Found Resource\",\"now\":\"2026-11-25 10:00:00\",\"data\":null}",
                answer.body());
        assertEquals(404, get("/v1/lead/remove", sim.issueToken()).statusCode());
    }

    // --- faults ---

    @Test
    void everyFaultKindFailsTheCallAsAdvertised() throws Exception {
        String token = sim.issueToken();
        sim.records("company").seed(3);
        String path = "/v1/company/list";

        sim.faults().rate(1.0).kinds(Fault.HTTP_500);
        assertEquals(500, get(path, token).statusCode());
        sim.faults().kinds(Fault.HTTP_502_HTML);
        HttpResponse<String> gateway = get(path, token);
        assertEquals(502, gateway.statusCode());
        assertTrue(gateway.body().contains("<h1>502 Bad Gateway</h1>"));
        assertEquals("text/html", gateway.headers().firstValue("Content-Type").orElse(null));
        sim.faults().kinds(Fault.HTTP_503);
        assertEquals(503, get(path, token).statusCode());
        sim.faults().kinds(Fault.HTTP_429);
        HttpResponse<String> limited = get(path, token);
        assertEquals(429, limited.statusCode());
        assertEquals("1", limited.headers().firstValue("Retry-After").orElse(null));
        sim.faults().kinds(Fault.CONNECTION_RESET);
        assertThrows(IOException.class, () -> get(path, token));
        sim.faults().kinds(Fault.EMPTY_RESPONSE);
        assertThrows(IOException.class, () -> get(path, token));
        sim.faults().kinds(Fault.TRUNCATED_JSON);
        HttpResponse<String> truncated = get(path, token);
        assertEquals(200, truncated.statusCode());
        assertTrue(truncated.body().startsWith("{\"code\":200,"));
        assertNull(SimJson.readObject(truncated.body()));

        // slow enough that the 100 ms timeout below fires first even when the machine is busy
        sim.faults().kinds(Fault.SLOW).slowDelay(Duration.ofMillis(1_000));
        long start = System.nanoTime();
        assertEquals(200, get(path, token).statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 1_000);
        HttpRequest impatient = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMillis(100)).GET().build();
        assertThrows(HttpTimeoutException.class, () -> http.send(impatient, HttpResponse.BodyHandlers.ofString()));

        assertEquals(9, sim.requestCount(path));
        sim.faults().off();
        assertEquals(200, code(get(path, token)));
    }

    @Test
    void envelopeFaultsAnswerHttp200WithAnErrorEnvelopeAndApplyNothing() throws Exception {
        String token = sim.issueToken();
        sim.faults().next(Fault.ENVELOPE_500, 1).next(Fault.ENVELOPE_MINUS_1, 1);

        HttpResponse<String> serverError = postJson("/v1/supplier/push", token, "{\"name\":\"Lost\"}");
        assertEquals(200, serverError.statusCode());
        assertEquals("{\"code\":500,\"message\":\"Server error\",\"now\":\"2026-11-25 10:00:00\",\"data\":null}",
                serverError.body());
        HttpResponse<String> minusOne = get("/v1/supplier/list", token);
        assertEquals(200, minusOne.statusCode());
        assertEquals("{\"code\":-1,\"message\":\"Server error\",\"now\":\"2026-11-25 10:00:00\",\"data\":null}",
                minusOne.body());

        assertEquals(0, sim.records("supplier").size());
        assertEquals(200, code(get("/v1/supplier/list", token)));
        assertEquals(3, sim.requestCount());
    }

    @Test
    void tokenCallsAreSparedUnlessIncluded() throws Exception {
        sim.faults().rate(1.0).kinds(Fault.HTTP_503);
        assertEquals(200, grant(null).statusCode());
        sim.faults().includeTokenCalls(true);
        assertEquals(503, grant(null).statusCode());
        assertEquals(2, sim.tokenRequests());
        assertEquals(0, sim.requestCount());
    }

    @Test
    void faultsAfterHandlingStillApplyTheWrite() throws Exception {
        String token = sim.issueToken();
        sim.faults().next(Fault.TRUNCATED_JSON, 1).next(Fault.HTTP_500, 1);

        assertEquals(200, postJson("/v1/supplier/push", token, "{\"name\":\"Kept\"}").statusCode());
        assertEquals(500, postJson("/v1/supplier/push", token, "{\"name\":\"Dropped\"}").statusCode());

        assertEquals(List.of("Kept"), sim.records("supplier").all().stream().map(r -> r.get("name")).toList());
        assertEquals(2, sim.requestCount("/v1/supplier/push"));
    }

    @Test
    void faultsCanBeLimitedToSomePaths() throws Exception {
        String token = sim.issueToken();
        sim.faults().rate(1.0).kinds(Fault.HTTP_503).paths("/v1/invoices/");

        assertEquals(200, get("/v1/company/list", token).statusCode());
        assertEquals(503, get("/v1/invoices/order/list", token).statusCode());
        assertEquals(503, get("/v1/invoices/quotation/list", token).statusCode());
        sim.faults().off();
        assertEquals(200, get("/v1/invoices/order/list", token).statusCode());
        assertEquals(2, sim.requestCount("/v1/invoices/order/list"));
    }

    @Test
    void theSameSeedGivesTheSameFaultsAndTheSameRecords() throws Exception {
        String token = sim.issueToken();
        sim.faults().rate(0.5).kinds(Fault.HTTP_500, Fault.HTTP_503).seed(42);
        List<Integer> firstRun = statuses(token, 20);
        sim.faults().seed(42);
        List<Integer> secondRun = statuses(token, 20);

        assertEquals(firstRun, secondRun);
        assertEquals(Set.of(200, 500, 503), new HashSet<>(firstRun));

        List<Map<String, Object>> seeded = sim.records("order").seed(5);
        sim.reset();
        sim.setNow(T0);
        assertEquals(seeded, sim.records("order").seed(5));
    }

    // --- scale ---

    @Test
    void servesThousandsOfRecordsToConcurrentPagers() throws Exception {
        sim.records("order").seed(2_500);
        String token = sim.issueToken();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Object>>> pages = new ArrayList<>();
            for (int page = 1; page <= 25; page++) {
                String path = "/v1/invoices/order/list?count=100&start_index=" + page;
                Callable<List<Object>> fetch = () -> ids(get(path, token), "order_id");
                pages.add(pool.submit(fetch));
            }
            Set<Object> seen = new HashSet<>();
            for (Future<List<Object>> page : pages) {
                seen.addAll(page.get());
            }
            assertEquals(2_500, seen.size());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(25, sim.requestCount("/v1/invoices/order/list"));
    }

    // --- helpers ---

    private static List<Integer> statuses(String token, int calls) throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(get("/v1/lead/list", token).statusCode());
        }
        return statuses;
    }

    private static HttpResponse<String> grant(String scope) throws Exception {
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "client_credentials", "client_id",
                "sim-client", "client_secret", "sim-secret"));
        if (scope != null) {
            form.put("scope", scope);
        }
        return postForm("/v1/oauth2/access_token", form);
    }

    private static URI uri(String path) {
        return URI.create(sim.baseUrl() + path);
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> postForm(String path, Map<String, String> form) throws Exception {
        return postForm(path, null, form);
    }

    private static HttpResponse<String> postForm(String path, String token, Map<String, String> form)
            throws Exception {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private static HttpResponse<String> postJson(String path, String token, String json) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(HttpResponse<String> response) {
        return Json.read(response.body(), Map.class);
    }

    private static int code(HttpResponse<String> response) {
        return (Integer) json(response).get("code");
    }

    /** The data of a success envelope. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(HttpResponse<String> response) {
        Map<String, Object> envelope = json(response);
        assertEquals(200, envelope.get("code"), response.body());
        assertEquals(SimClock.format(sim.now()), envelope.get("now"));
        return (Map<String, Object>) envelope.get("data");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> data) {
        return (List<Map<String, Object>>) data.get("list");
    }

    /** Creates a record with just a name, giving its id. */
    private static Object named(Records records, String name) {
        return records.create(Map.of("name", name)).get(records.idField());
    }

    private static List<Object> ids(HttpResponse<String> response, String idField) {
        return list(data(response)).stream().map(r -> r.get(idField)).toList();
    }
}
