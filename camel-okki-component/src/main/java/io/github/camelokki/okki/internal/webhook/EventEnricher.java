package io.github.camelokki.okki.internal.webhook;

import java.util.Map;
import java.util.Optional;

import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.client.OkkiClient;

/**
 * Fetches the full record an event is about through its module's {@code info} operation (e.g. {@code company/info}
 * for {@code crm.company}), using the id the event's {@code biz_data} carries.
 */
public final class EventEnricher {

    /** Subscription module to the catalog's info operation. Modules OKKI has no info operation for are absent. */
    private static final Map<String, String> INFO_OPERATIONS = Map.ofEntries(
            Map.entry("crm.company", "company/info"),
            Map.entry("crm.lead", "lead/info"),
            Map.entry("crm.opportunity", "opportunity/info"),
            Map.entry("crm.product", "product/info"),
            Map.entry("crm.order", "order/info"),
            Map.entry("crm.quotation", "quotation/info"),
            Map.entry("crm.cash_collection", "receipt/info"),
            Map.entry("crm.cash_collection_invoice", "receiptRegistration/info"),
            Map.entry("crm.outbound_invoice", "outbound/info"),
            Map.entry("crm.inbound_invoice", "purchaseInbound/info"),
            Map.entry("crm.warehouse_return_invoice", "purchaseReturn/info"),
            Map.entry("crm.purchase_order", "purchaseOrder/info"),
            Map.entry("crm.supplier", "supplier/info"),
            Map.entry("crm.cost_invoice", "costInvoice/info"),
            Map.entry("crm.payment_invoice", "paymentInvoice/info"));

    private final OkkiClient client;

    public EventEnricher(OkkiClient client) {
        this.client = client;
    }

    /** The info operation for the module, if OKKI has one. */
    public static Optional<Operation> infoOperation(String module) {
        String uri = INFO_OPERATIONS.get(module);
        if (uri == null) {
            return Optional.empty();
        }
        int slash = uri.indexOf('/');
        return Optional.of(OperationCatalog.standard().require(uri.substring(0, slash), uri.substring(slash + 1)));
    }

    /**
     * The full record, or empty when the event cannot be enriched: a delete (the record is gone), a module without an
     * info operation, or biz_data without the id.
     *
     * @throws io.github.camelokki.okki.api.OkkiException when OKKI fails to answer
     */
    public Optional<Object> fetch(WebhookEvent event) {
        if (event.isDelete()) {
            return Optional.empty();
        }
        return recordId(event).flatMap(id -> {
            Operation info = infoOperation(event.module()).orElseThrow();
            Map<String, Object> params = Map.of(info.idParameter(), id);
            return Optional.ofNullable(client.call(info, params, null).data());
        });
    }

    /**
     * The id of the record an event is about: the member of its biz_data named by the id parameter of its module's
     * info operation (company_id for crm.company). Empty for the test callback, a module without an info operation,
     * or biz_data without the id.
     */
    public static Optional<Object> recordId(WebhookEvent event) {
        if (event.isTest() || !(event.data() instanceof Map<?, ?> ids)) {
            return Optional.empty();
        }
        return infoOperation(event.module()).map(Operation::idParameter).map(ids::get);
    }
}
