package io.github.camelokki.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
 * @param deletedParam  list parameter that asks for deleted records instead of live ones
 * @param operations    operations OKKI offers besides list
 * @param pushPath      path of push, below the base path
 * @param removePath    path of remove, below the base path
 * @param removeMethod  HTTP method of remove
 * @param numberField   the human-facing number of a record (order_no, serial_id, ...), also accepted by info
 * @param numberPrefix  how seeded numbers start
 * @param naming        what kind of name seeded records get
 * @param monetary      whether seeded records carry an amount and a currency
 */
record ResourceKind(String name, String basePath, String scope, String idField, Paging paging, String totalField,
        String deletedParam, Set<Operation> operations, String pushPath, String removePath, String removeMethod,
        String numberField, String numberPrefix, Naming naming, boolean monetary) {

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
    enum Naming { ORGANISATION, DEAL, PRODUCT, ACCOUNT, WAREHOUSE, NONE }

    private static final Set<Operation> READ_ONLY = Set.of(Operation.INFO);
    private static final Set<Operation> NO_REMOVE = Set.of(Operation.INFO, Operation.PUSH);
    private static final Set<Operation> ALL = Set.of(Operation.INFO, Operation.PUSH, Operation.REMOVE);

    private static final Map<String, ResourceKind> TABLE = new LinkedHashMap<>();

    static {
        // name, base path, scope, id field, total field, operations, number field and prefix, naming, money;
        // then whatever departs from the common convention (index paging, "removed", /push, POST /remove)
        kind("company", "/v1/company", "company", "company_id", "totalItem", ALL, "serial_id", "C",
                Naming.ORGANISATION, false).pushPath("/pushCompanyAndCustomers").removePath("/removeCompanyAndCustomers")
                .add();
        kind("lead", "/v1/lead", "lead", "lead_id", "totalItem", NO_REMOVE, "serial_id", "L",
                Naming.ORGANISATION, false).add();
        kind("opportunity", "/v1/opportunity", "opportunity", "opportunity_id", "totalItem", ALL, "serial_id", "OPP",
                Naming.DEAL, true).add();
        kind("product", "/v1/product", "product", "product_id", "count", ALL, "product_no", "P",
                Naming.PRODUCT, false).removeMethod("GET").add();
        kind("order", "/v1/invoices/order", "invoices", "order_id", "count", ALL, "order_no", "SO",
                Naming.DEAL, true).add();
        kind("quotation", "/v1/invoices/quotation", "invoices", "quotation_id", "totalItem", ALL, "quotation_no",
                "QT", Naming.DEAL, true).add();
        kind("receipt", "/v1/invoices/receipt", "invoices", "cash_collection_id", "totalItem", NO_REMOVE,
                "cash_collection_no", "RC", Naming.NONE, true).add();
        kind("receiptRegistration", "/v1/invoices/receiptRegistration", "invoices", "cash_collection_invoice_id",
                "count", NO_REMOVE, "cash_collection_invoice_no", "RR", Naming.NONE, true).add();
        kind("outbound", "/v1/invoices/outbound", "warehouse", "outbound_invoice_id", "count", ALL, "serial_id",
                "OB", Naming.NONE, false).add();
        kind("purchaseOrder", "/v1/purchaseOrder", "purchaseOrder", "purchase_order_id", "count", NO_REMOVE,
                "purchase_order_no", "PO", Naming.DEAL, true).add();
        kind("purchaseInbound", "/v1/invoices/purchaseInbound", "warehouse", "inbound_invoice_id", "count", ALL,
                "serial_id", "IB", Naming.NONE, false).add();
        kind("purchaseReturn", "/v1/invoices/purchaseReturn", "warehouse", "warehouse_return_invoice_id", "count",
                ALL, "serial_id", "PR", Naming.NONE, false).add();
        kind("supplier", "/v1/supplier", "supplier", "supplier_id", "count", ALL, "supplier_no", "S",
                Naming.ORGANISATION, false).paging(Paging.PAGE_NO).deletedParam("is_delete").add();
        kind("costInvoice", "/v1/costInvoice", "costInvoice", "cost_invoice_id", "count", READ_ONLY,
                "cost_invoice_no", "CI", Naming.NONE, true).add();
        kind("paymentInvoice", "/v1/paymentInvoice", "paymentInvoice", "payment_invoice_id", "count", READ_ONLY,
                "payment_invoice_no", "PI", Naming.NONE, true).add();
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
                    operations, pushPath, removePath, removeMethod, numberField, numberPrefix, naming, monetary));
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
        Set<String> scopes = new TreeSet<>(List.of("user", "report", "webhook"));
        TABLE.values().forEach(kind -> scopes.add(kind.scope()));
        return scopes;
    }

    /** Company lists also report the page size in {@code count}, next to the total in {@code totalItem}. */
    boolean reportsPageSize() {
        return name.equals("company");
    }

    String listPath() {
        return basePath + "/list";
    }

    String infoPath() {
        return basePath + "/info";
    }
}
