package io.github.camelokki.okki;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;
import io.github.camelokki.okki.internal.catalog.BodyField;
import io.github.camelokki.okki.internal.catalog.BodyFields;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.json.OkkiJson;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A JSON body that lacks a field OKKI requires ({@code bodies.txt}) is refused before anything is sent, naming the
 * field by its path in the body; any other body is sent exactly as it was before the check existed.
 */
class BodyFieldsTest extends OkkiTestSupport {

    private static final String COMPANY_PUSH = "/v1/company/pushCompanyAndCustomers";
    private static final String ORDER_PUSH = "/v1/invoices/order/push";
    private static final String ENDING =
            ". OKKI requires these fields: add them to the body (nothing was sent to OKKI).";
    private static final String ENDING_ONE =
            ". OKKI requires this field: add it to the body (nothing was sent to OKKI).";

    /** The body forms a route may hand over, all made from the same JSON document. */
    static Stream<Arguments> bodyForms() {
        Function<String, Object> map = json -> OkkiJson.convert(OkkiJson.toJson(json, "test").tree(), Map.class);
        return Stream.of(
                Arguments.of("Map", map),
                Arguments.of("JSON String", (Function<String, Object>) json -> json),
                Arguments.of("byte[]", (Function<String, Object>) json -> json.getBytes(StandardCharsets.UTF_8)),
                Arguments.of("InputStream", (Function<String, Object>) json -> new ByteArrayInputStream(
                        json.getBytes(StandardCharsets.UTF_8))),
                Arguments.of("JsonNode", (Function<String, Object>) json -> OkkiJson.toJson(json, "test").tree()));
    }

    // --- company/push: create or update -------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyForms")
    void companyCreateWithoutNameAndContactsIsRefused(String form, Function<String, Object> as) {
        String message = refusal("okki:company/push", as.apply("{\"country\":\"CN\",\"customers\":null}"));

        assertEquals("okki:company/push: the JSON body lacks name, customers (required for a new record; company_id"
                + " marks an existing one)" + ENDING, message);
    }

    @Test
    void companyPojoIsCheckedAsJacksonWritesIt() {
        Company company = new Company();
        company.country = "CN";

        assertEquals("okki:company/push: the JSON body lacks name, customers (required for a new record; company_id"
                + " marks an existing one)" + ENDING, refusal("okki:company/push", company));
    }

    /** OKKI's examples create with the id 0 or "": such an id still makes a create. */
    @ParameterizedTest
    @ValueSource(strings = { "0", "\"0\"", "\"\"", "null" })
    void companyIdZeroOrEmptyIsACreate(String id) {
        String message = refusal("okki:company/push", "{\"company_id\":" + id + ",\"name\":\"ACME\"}");

        assertEquals("okki:company/push: the JSON body lacks customers (required for a new record; company_id marks an"
                + " existing one)" + ENDING_ONE, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyForms")
    void companyUpdateNeedsNoCreateFieldsAndIsSentUnchanged(String form, Function<String, Object> as) {
        // odd spacing and member order: text is sent as written, a Map as Jackson writes it
        String json = "{ \"country\" : \"FR\",\n  \"company_id\": 42 }";
        Object body = as.apply(json);
        String expected = body instanceof Map<?, ?> || body instanceof JsonNode
                ? json(body) : json;

        assertSentAsIs("okki:company/push", COMPANY_PUSH, body, expected);
    }

    @Test
    void emptyValuesCountAsGiven() {
        // OKKI documents "" for some required values: the component leaves such a judgement to OKKI
        String json = "{\"name\":\"\",\"customers\":[]}";

        assertSentAsIs("okki:company/push", COMPANY_PUSH, json, json);
    }

    // --- order/push: product rows -------------------------------------------------------------------------------

    private static Map<String, Object> row(Object... members) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < members.length; i += 2) {
            row.put((String) members[i], members[i + 1]);
        }
        return row;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyForms")
    void orderRowsWithoutProductOrNewRowsWithoutQuantityAreRefused(String form, Function<String, Object> as) {
        Map<String, Object> order = row("currency", "USD", "product_list", List.of(
                row("product_id", 1, "sku_id", 11, "count", 2, "unit_price", 9.5),
                row("product_id", 2, "sku_id", 22, "remove", 1),
                row("product_id", 3, "count", 1, "unit_price", 1),
                row("product_id", 4, "sku_id", 44, "remove", 0)));

        String message = refusal("okki:order/push", as.apply(json(order)));

        assertEquals("okki:order/push: the JSON body lacks product_list[2].sku_id; product_list[3].count,"
                + " product_list[3].unit_price (required for a new record; product_list[3].unique_id or"
                + " product_list[3].remove marks an existing one)" + ENDING, message);
    }

    @Test
    void orderRowsGivenAsPojosInAMapAreChecked() {
        OrderRow complete = new OrderRow();
        complete.product_id = 1L;
        complete.sku_id = 11L;
        complete.count = 2;
        complete.unit_price = 3.0;
        OrderRow withoutSku = new OrderRow();
        withoutSku.product_id = 2L;
        withoutSku.count = 1;
        withoutSku.unit_price = 1.0;

        String message = refusal("okki:order/push", row("currency", "USD", "product_list", List.of(complete,
                withoutSku)));

        assertEquals("okki:order/push: the JSON body lacks product_list[1].sku_id" + ENDING_ONE, message);
    }

    @Test
    void orderUpdateOfExistingRowsIsSentAsWritten() {
        // an update (order_no): no currency; an existing row (unique_id) and a removal need no count or price
        String json = "{\"order_no\":\"SO-7\",\"product_list\":[{\"product_id\":1,\"sku_id\":11,\"unique_id\":501},"
                + "{\"product_id\":2,\"sku_id\":22,\"remove\":\"1\"}],\"12345678\":\"custom\"}";
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);

        assertSentAsIs("okki:order/push", ORDER_PUSH, bytes, json);
    }

    @Test
    void aLongListOfMissingFieldsIsCut() {
        List<Object> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row("product_id", i, "count", 1, "unit_price", 1));
        }

        String message = refusal("okki:order/push", row("currency", "USD", "product_list", rows));

        assertEquals("okki:order/push: the JSON body lacks product_list[0].sku_id, product_list[1].sku_id,"
                + " product_list[2].sku_id, product_list[3].sku_id, product_list[4].sku_id, product_list[5].sku_id,"
                + " product_list[6].sku_id, product_list[7].sku_id, product_list[8].sku_id, product_list[9].sku_id"
                + " and 2 more" + ENDING, message);
    }

    // --- other operations ---------------------------------------------------------------------------------------

    @Test
    void inventoryRowsOfAnArrayBodyAreChecked() {
        String message = refusal("okki:product/pushInventory",
                "[{\"sku_id\":1,\"enable_count\":5},{\"sku_id\":2,\"real_count\":3}]");

        assertEquals("okki:product/pushInventory: the JSON body lacks [1].enable_count" + ENDING_ONE, message);
        String valid = "[{\"sku_id\":1,\"enable_count\":5},{\"sku_id\":2,\"enable_count\":0}]";
        assertSentAsIs("okki:product/pushInventory", "/v1/product/push-inventory", valid, valid);
    }

    @Test
    void subscriptionConfigsNeedAnEventType() {
        String message = refusal("okki:subscribe/update?subscribe_type=crm.order",
                "{\"subscribe_type\":\"crm.order\",\"subscribe_configs\":[{\"biz_type\":\"xiaoman.crm.order.create\"},"
                        + "{}]}");

        assertEquals("okki:subscribe/update: the JSON body lacks subscribe_configs[1].biz_type" + ENDING_ONE, message);
    }

    @Test
    void webhookUpdateNeedsTheCallbackUrl() {
        assertEquals("okki:webhook/update: the JSON body lacks callback_url" + ENDING_ONE,
                refusal("okki:webhook/update", Map.of("callback", "https://example.com/okki")));
    }

    @Test
    void productSpecificationsAreCheckedInsideNestedRowsAndObjects() {
        Product update = new Product();
        update.product_id = 5L;
        Sku sku = new Sku();
        sku.attributes = List.of(row("item_id", 7, "value", row("item_id", 70)), row("item_id", 8, "value", Map.of()));
        update.sku_items = List.of(sku);

        // an update (product_id), so product_type is not needed; a specification needs its value's item_id
        assertEquals("okki:product/push: the JSON body lacks sku_items[0].attributes[1].value.item_id" + ENDING_ONE,
                refusal("okki:product/push", update));

        sku.attributes = List.of(row("item_id", 7, "value", row("item_id", 70)));
        assertSentAsIs("okki:product/push", "/v1/product/push", update, json(update));
    }

    @Test
    void quotationCreateNeedsItsDocumentedFields() {
        String message = refusal("okki:quotation/push", "{\"name\":\"Q-1\",\"product_list\":[{\"product_id\":\"9\","
                + "\"remove\":\"1\"},{\"product_id\":\"10\",\"count\":1,\"unit_price\":2}]}");

        assertEquals("okki:quotation/push: the JSON body lacks company_name, user_id, company_id, remark, currency,"
                + " quotation_date (required for a new record; quotation_id marks an existing one);"
                + " product_list[1].cost_amount (required for a new record; product_list[1].remove marks an existing"
                + " one)" + ENDING, message);
    }

    @Test
    void purchaseOrderCreateNeedsWhatTheDescriptionsRequire() {
        assertEquals("okki:purchaseOrder/push: the JSON body lacks supplier_id, currency, amount (required for a new"
                + " record; purchase_order_id marks an existing one)" + ENDING,
                refusal("okki:purchaseOrder/push", "{\"purchase_order_no\":\"PO-1\"}"));

        String update = "{\"purchase_order_id\":77,\"product_list\":[{\"purchase_order_product_id\":5,"
                + "\"product_id\":1,\"sku_id\":2}]}";
        assertSentAsIs("okki:purchaseOrder/push", "/v1/purchaseOrder/push", update, update);
    }

    @Test
    void operationsWithoutRequiredFieldsTakeAnyBody() {
        // trail/push documents fields but requires none; webhook/create documents none
        assertSentAsIs("okki:trail/push", "/v1/dynamic/trail/push", "{}", "{}");
        assertSentAsIs("okki:webhook/create", "/v1/webhook", "[1,2]", "[1,2]");
    }

    @Test
    void aBodyOfAnotherShapeIsLeftToOkki() {
        // only presence is checked: a list where an object belongs, or a row that is not an object, is sent
        String json = "{\"currency\":\"USD\",\"product_list\":[\"not a row\",[1]]}";
        assertSentAsIs("okki:order/push", ORDER_PUSH, json, json);
    }

    // --- the catalog's model ------------------------------------------------------------------------------------

    @Test
    void catalogExposesTheFieldsForTheReference() {
        BodyFields fields = OperationCatalog.standard().require("company", "push").bodyFields();

        assertEquals(List.of("company_id"), fields.updateKeys());
        assertEquals(new BodyField("name", BodyField.Need.REQUIRED_TO_CREATE, BodyField.Type.STRING),
                fields.field("name").orElseThrow());
        assertEquals(BodyField.Type.ARRAY, fields.field("customers").orElseThrow().type());
        assertEquals("company_id", fields.topLevel().get(0).path());
        assertEquals(List.of("unique_id", "remove"),
                OperationCatalog.standard().require("order", "push").bodyFields().keysOf("product_list[]"));
        assertEquals(BodyFields.NONE, OperationCatalog.standard().require("webhook", "create").bodyFields());
    }

    @Test
    void aCreateOnlyFieldNeedsAnUpdateKey() {
        BodyField name = new BodyField("name", BodyField.Need.REQUIRED_TO_CREATE, BodyField.Type.STRING);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BodyFields(List.of(name), List.of()));
        assertEquals("name is required to create, but its object has no update key to tell an update", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new BodyFields(List.of(name), List.of("id")));
        assertEquals("the update key id is not among the fields", e.getMessage());
    }

    // ------------------------------------------------------------------------------------------------------------

    /** The message of the refusal; OKKI heard nothing, not even a token request. */
    private String refusal(String uri, Object body) {
        Exchange result = template.request(uri, e -> e.getMessage().setBody(body));
        OkkiInvalidRequestException e = assertInstanceOf(OkkiInvalidRequestException.class, result.getException());
        assertEquals(0, okki.getAllServeEvents().size(), () -> "requests reached OKKI: " + okki.getAllServeEvents());
        return e.getMessage();
    }

    /** Sends the body and checks that OKKI received exactly one request, with exactly these bytes. */
    private void assertSentAsIs(String uri, String path, Object body, String expected) {
        stubToken();
        stub(post(anyUrl()).atPriority(100).willReturn(okJsonText(envelope(Map.of("id", 1)))));
        okki.resetRequests();

        Exchange result = template.request(uri, e -> e.getMessage().setBody(body));

        assertNull(result.getException());
        List<LoggedRequest> sent = okki.findAll(postRequestedFor(urlPathEqualTo(path)));
        assertEquals(1, sent.size());
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), sent.get(0).getBody(), () -> "sent: "
                + sent.get(0).getBodyAsString());
    }

    public static class Company {
        public String name;
        public String country;
        public List<Object> customers;
    }

    public static class OrderRow {
        public Long product_id;
        public Long sku_id;
        public Integer count;
        public Double unit_price;
    }

    public static class Product {
        public Long product_id;
        public List<Sku> sku_items;
    }

    public static class Sku {
        public List<Object> attributes;
    }
}
