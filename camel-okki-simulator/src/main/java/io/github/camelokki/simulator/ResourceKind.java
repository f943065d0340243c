package io.github.camelokki.simulator;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.github.camelokki.simulator.RecordTime.CONTACT;
import static io.github.camelokki.simulator.RecordTime.CREATE;
import static io.github.camelokki.simulator.RecordTime.DELETION;
import static io.github.camelokki.simulator.RecordTime.EDIT;
import static io.github.camelokki.simulator.RecordTime.FILING;
import static io.github.camelokki.simulator.RecordTime.ORDER_DATE;
import static io.github.camelokki.simulator.RecordTime.UPDATE;
import static io.github.camelokki.simulator.TimeFilter.UPDATE_OR_CREATE;

/**
 * The table of OKKI resources the simulator keeps records for: one row per resource, read by the generic
 * list/info/push/remove handling and by the record seeder, so no resource has code of its own.
 *
 * @param name          the resource name as in the component's URIs ({@code okki:company/list})
 * @param basePath      path prefix of the resource's operations
 * @param scope         module scope a token needs to touch the resource
 * @param idField       the record's id field, also the parameter info/remove take and push answers with
 * @param paging        how the list operation pages
 * @param totalField    field of the list answer that carries the number of matching records
 * @param deletedParam  list parameter that asks for deleted records instead of live ones, {@code null} when the list
 *                      has none (deleted records are then never listed)
 * @param operations    operations OKKI offers besides list
 * @param pushPath      path of push, below the base path
 * @param removePath    path of remove, below the base path
 * @param removeMethod  HTTP method of remove
 * @param numberField   the human-facing number of a record (order_no, serial_id, ...), also accepted by info;
 *                      {@code null} for records without one
 * @param numberPrefix  how seeded numbers start
 * @param naming        what kind of name seeded records get
 * @param monetary      whether seeded records carry an amount and a currency
 * @param timeFilter    what the list's start_time/end_time filter on, {@code null} for lists without a window
 * @param times         the times records keep: create, update and deletion, those the filter can pick and those the
 *                      list answer shows
 * @param matchParams   list parameters that keep only records whose field of the same name has the given value
 */
record ResourceKind(String name, String basePath, String scope, String idField, Paging paging, String totalField,
        String deletedParam, Set<Operation> operations, String pushPath, String removePath, String removeMethod,
        String numberField, String numberPrefix, Naming naming, boolean monetary, TimeFilter timeFilter,
        Set<RecordTime> times, List<String> matchParams) {

    /** Paging conventions of OKKI's list operations. */
    enum Paging {
        /** {@code start_index} (page number from 1) and {@code count} (page size). */
        INDEX,
        /** {@code page_no} and {@code page_size}. */
        PAGE_NO,
        /** Everything on one page. */
        SINGLE
    }

    /** Operations beyond list. */
    enum Operation { INFO, PUSH, REMOVE }

    /** The flavour of seeded names. */
    enum Naming { ORGANISATION, DEAL, PRODUCT, ACCOUNT, WAREHOUSE, NOTE, NONE }

    private static final Set<Operation> READ_ONLY = Set.of(Operation.INFO);
    private static final Set<Operation> NO_REMOVE = Set.of(Operation.INFO, Operation.PUSH);
    private static final Set<Operation> ALL = Set.of(Operation.INFO, Operation.PUSH, Operation.REMOVE);

    /** The time filter of the lists whose start_time is documented as the update time, without a selector. */
    private static final TimeFilter BY_UPDATE = TimeFilter.fixed(UPDATE);
    /** time_type 1 update, 2 create, documented default 1. */
    private static final TimeFilter UPDATE_OR_CREATE_DEFAULT_UPDATE = TimeFilter.selectedBy("time_type", "1",
            UPDATE_OR_CREATE);
    /**
     * time_type 1 update, 2 create, but no default documented: the simulator takes create time, so a client that
     * leaves time_type out, counting on update time, misses updates here before it can miss them against OKKI.
     */
    private static final TimeFilter UPDATE_OR_CREATE_NO_DEFAULT = TimeFilter.selectedBy("time_type", "2",
            UPDATE_OR_CREATE);

    private static final Map<String, ResourceKind> TABLE = new LinkedHashMap<>();

    static {
        // name, base path, scope, id field, total field, operations, number field and prefix, naming, money;
        // then the time filter of the list, as its start_time/end_time/time_type descriptions in OKKI's docs have it,
        // and whatever departs from the common convention (index paging, "removed", /push, POST /remove)

        // time_type 3 is the filing time; the list answer shows last contact and last edit besides create and update
        kind("company", "/v1/company", "company", "company_id", "totalItem", ALL, "serial_id", "C",
                Naming.ORGANISATION, false)
                .filter(TimeFilter.selectedBy("time_type", "1", Map.of("1", UPDATE, "2", CREATE, "3", FILING)))
                .keeps(CONTACT, EDIT).pushPath("/pushCompanyAndCustomers").removePath("/removeCompanyAndCustomers")
                .add();
        // sort_field picks the time to filter and to order by. Its description lists update_time, order_time (last
        // contact) and edit_time with "default" between the first two: read as order_time being the default, which
        // also hides every plain update from a client that leaves sort_field out. The list has no deleted listing.
        kind("lead", "/v1/lead", "lead", "lead_id", "totalItem", NO_REMOVE, "serial_id", "L",
                Naming.ORGANISATION, false)
                .filter(TimeFilter.sortedBy("sort_field", "order_time",
                        Map.of("update_time", UPDATE, "order_time", CONTACT, "edit_time", EDIT)))
                .deletedParam(null).add();
        // start_time is documented as update time; the answer shows the last contact; no removed parameter
        kind("opportunity", "/v1/opportunity", "opportunity", "opportunity_id", "totalItem", ALL, "serial_id", "OPP",
                Naming.DEAL, true).filter(BY_UPDATE).keeps(CONTACT).deletedParam(null).add();
        // the product list takes no removed parameter and its answer shows no times at all; product/info shows
        // create_time and update_time, and one record serves both here, so products keep showing them
        kind("product", "/v1/product", "product", "product_id", "count", ALL, "product_no", "P",
                Naming.PRODUCT, false).filter(UPDATE_OR_CREATE_NO_DEFAULT).deletedParam(null).removeMethod("GET")
                .add();
        // time_type 4 (deletion time) exists since 2026-02-06; it finds deletions, which leave update_time alone
        kind("order", "/v1/invoices/order", "invoices", "order_id", "count", ALL, "order_no", "SO",
                Naming.DEAL, true)
                .filter(TimeFilter.selectedBy("time_type", "1",
                        Map.of("1", UPDATE, "2", CREATE, "3", ORDER_DATE, "4", DELETION)))
                .add();
        // the docs do not say which time start_time means here: the simulator takes create time, the reading under
        // which a client guessing update time loses updates
        kind("quotation", "/v1/invoices/quotation", "invoices", "quotation_id", "totalItem", ALL, "quotation_no",
                "QT", Naming.DEAL, true).filter(TimeFilter.fixed(CREATE)).add();
        kind("receipt", "/v1/invoices/receipt", "invoices", "cash_collection_id", "totalItem", NO_REMOVE,
                "cash_collection_no", "RC", Naming.NONE, true).filter(BY_UPDATE).add();
        kind("receiptRegistration", "/v1/invoices/receiptRegistration", "invoices", "cash_collection_invoice_id",
                "count", NO_REMOVE, "cash_collection_invoice_no", "RR", Naming.NONE, true)
                .filter(UPDATE_OR_CREATE_DEFAULT_UPDATE).add();
        kind("outbound", "/v1/invoices/outbound", "warehouse", "outbound_invoice_id", "count", ALL, "serial_id",
                "OB", Naming.NONE, false).filter(UPDATE_OR_CREATE_DEFAULT_UPDATE).add();
        kind("purchaseOrder", "/v1/purchaseOrder", "purchaseOrder", "purchase_order_id", "count", NO_REMOVE,
                "purchase_order_no", "PO", Naming.DEAL, true).filter(UPDATE_OR_CREATE_DEFAULT_UPDATE).add();
        // purchase inbound and return lists document time_type as ordering by update or create time as well; the
        // lists above it with time_type 1/2 only say what the window filters on
        kind("purchaseInbound", "/v1/invoices/purchaseInbound", "warehouse", "inbound_invoice_id", "count", ALL,
                "serial_id", "IB", Naming.NONE, false).filter(TimeFilter.sortedBy("time_type", "1", UPDATE_OR_CREATE))
                .add();
        kind("purchaseReturn", "/v1/invoices/purchaseReturn", "warehouse", "warehouse_return_invoice_id", "count",
                ALL, "serial_id", "PR", Naming.NONE, false)
                .filter(TimeFilter.sortedBy("time_type", "1", UPDATE_OR_CREATE)).add();
        kind("supplier", "/v1/supplier", "supplier", "supplier_id", "count", ALL, "supplier_no", "S",
                Naming.ORGANISATION, false).filter(BY_UPDATE).paging(Paging.PAGE_NO).deletedParam("is_delete").add();
        kind("costInvoice", "/v1/costInvoice", "costInvoice", "cost_invoice_id", "count", READ_ONLY,
                "cost_invoice_no", "CI", Naming.NONE, true).filter(UPDATE_OR_CREATE_NO_DEFAULT).add();
        kind("paymentInvoice", "/v1/paymentInvoice", "paymentInvoice", "payment_invoice_id", "count", READ_ONLY,
                "payment_invoice_no", "PI", Naming.NONE, true).filter(UPDATE_OR_CREATE_NO_DEFAULT).add();
        // follow-up notes: OKKI's push takes no trail_id (so it creates) and answers the new one; the list narrows to
        // the company, lead or opportunity asked for and has no deleted listing; which time start_time means is not
        // documented: create time, as for quotations
        kind("trail", "/v1/dynamic/trail", "company", "trail_id", "totalItem", Set.of(Operation.PUSH), null, null,
                Naming.NOTE, false).filter(TimeFilter.fixed(CREATE)).deletedParam(null)
                .matchParams("company_id", "lead_id", "opportunity_id").add();
        kind("capitalAccount", "/v1/capitalAccount", "capitalAccount", "capital_account_id", "count", Set.of(),
                "bank_account", "62", Naming.ACCOUNT, false).add();
        kind("warehouse", "/v1/warehouse", "warehouse", "warehouse_id", "count", Set.of(), "warehouse_no", "WH",
                Naming.WAREHOUSE, false).paging(Paging.SINGLE).add();
    }

    private static Row kind(String name, String basePath, String scope, String idField, String totalField,
            Set<Operation> operations, String numberField, String numberPrefix, Naming naming, boolean monetary) {
        Row row = new Row();
        row.name = name;
        row.basePath = basePath;
        row.scope = scope;
        row.idField = idField;
        row.totalField = totalField;
        row.operations = operations;
        row.numberField = numberField;
        row.numberPrefix = numberPrefix;
        row.naming = naming;
        row.monetary = monetary;
        return row;
    }

    /** A table row being written, starting from OKKI's most common conventions. */
    private static final class Row {
        private String name;
        private String basePath;
        private String scope;
        private String idField;
        private Paging paging = Paging.INDEX;
        private String totalField;
        private String deletedParam = "removed";
        private Set<Operation> operations;
        private String pushPath = "/push";
        private String removePath = "/remove";
        private String removeMethod = "POST";
        private String numberField;
        private String numberPrefix;
        private Naming naming;
        private boolean monetary;
        private TimeFilter timeFilter;
        private final Set<RecordTime> times = EnumSet.of(CREATE, UPDATE, DELETION);
        private List<String> matchParams = List.of();

        Row filter(TimeFilter filter) {
            timeFilter = filter;
            times.addAll(filter.times().values());
            return this;
        }

        /** Times the list answer shows besides those the filter picks. */
        Row keeps(RecordTime... shown) {
            times.addAll(List.of(shown));
            return this;
        }

        Row matchParams(String... params) {
            matchParams = List.of(params);
            return this;
        }

        Row paging(Paging style) {
            paging = style;
            return this;
        }

        Row deletedParam(String param) {
            deletedParam = param;
            return this;
        }

        Row pushPath(String path) {
            pushPath = path;
            return this;
        }

        Row removePath(String path) {
            removePath = path;
            return this;
        }

        Row removeMethod(String method) {
            removeMethod = method;
            return this;
        }

        void add() {
            TABLE.put(name, new ResourceKind(name, basePath, scope, idField, paging, totalField, deletedParam,
                    operations, pushPath, removePath, removeMethod, numberField, numberPrefix, naming, monetary,
                    timeFilter, Collections.unmodifiableSet(EnumSet.copyOf(times)), matchParams));
        }
    }

    static List<ResourceKind> all() {
        return List.copyOf(TABLE.values());
    }

    static ResourceKind named(String name) {
        ResourceKind kind = TABLE.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown OKKI resource '" + name + "', known: " + TABLE.keySet());
        }
        return kind;
    }

    /** Every module scope OKKI knows; a token asked for without a scope gets them all. */
    static Set<String> allScopes() {
        Set<String> scopes = new TreeSet<>(List.of("user", "report", WebhookOperations.SCOPE));
        TABLE.values().forEach(kind -> scopes.add(kind.scope()));
        return scopes;
    }

    /** Company lists also report the page size in {@code count}, next to the total in {@code totalItem}. */
    boolean reportsPageSize() {
        return name.equals("company");
    }

    boolean keeps(RecordTime time) {
        return times.contains(time);
    }

    String listPath() {
        return basePath + "/list";
    }

    String infoPath() {
        return basePath + "/info";
    }
}
