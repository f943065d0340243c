package io.github.camelokki.okki.api;

import org.apache.camel.spi.Metadata;

/**
 * The message headers the OKKI component reads and writes.
 */
public final class OkkiConstants {

    @Metadata(label = "producer", description = "Parameters of the call by their OKKI names (e.g. company_id);"
            + " they override the parameters set on the endpoint.", javaType = "java.util.Map<String, Object>")
    public static final String PARAMS = "CamelOkkiParams";

    @Metadata(label = "producer", description = "The id of the record the operation works on; fills the operation's"
            + " id parameter (company_id for company operations, order_id for order operations, ...); operations without one ignore"
            + " it.",
              javaType = "Object")
    public static final String ID = "CamelOkkiId";

    @Metadata(description = "The operation that produced the message, e.g. company/list.", javaType = "String")
    public static final String OPERATION = "CamelOkkiOperation";

    @Metadata(description = "OKKI's clock when it answered (the envelope's now), as yyyy-MM-dd HH:mm:ss in the"
            + " account's time zone.", javaType = "String")
    public static final String SERVER_TIME = "CamelOkkiServerTime";

    @Metadata(description = "List operations: the total number of records the query matches, when OKKI reports it.",
              javaType = "Long")
    public static final String TOTAL = "CamelOkkiTotal";

    @Metadata(description = "List operations: the number (from 1) of the page in the body; with allPages, of the"
            + " first page.", javaType = "Integer")
    public static final String PAGE = "CamelOkkiPage";

    @Metadata(description = "List operations: the page size asked for.", javaType = "Integer")
    public static final String PAGE_SIZE = "CamelOkkiPageSize";

    @Metadata(label = "consumer", description = "The resource of the record, e.g. company.", javaType = "String")
    public static final String RESOURCE = "CamelOkkiResource";

    @Metadata(label = "consumer", description = "The id of the record (the value of its id member, e.g. company_id);"
            + " on okki-events, the id the event's biz_data carries for its module, when OKKI has an info operation"
            + " for that module.", javaType = "Object")
    public static final String RECORD_ID = "CamelOkkiRecordId";

    @Metadata(label = "consumer", description = "The key under which the consumer remembers this version of the record"
            + " as delivered (its idempotentRepository key): the resource, the id and the update_time, or a hash of"
            + " the content where the list is read in full; a deletion has a key of its own. The same on every"
            + " delivery of the same version.", javaType = "String")
    public static final String RECORD_KEY = "CamelOkkiRecordKey";

    @Metadata(label = "consumer", description = "The OKKI client id (app) whose account the record or event comes from,"
            + " when the endpoint has one; it is not a secret. The CloudEvent source names it.", javaType = "String")
    public static final String CLIENT_ID = "CamelOkkiClientId";

    @Metadata(label = "consumer", description = "The record's update_time as OKKI sent it (yyyy-MM-dd HH:mm:ss), when"
            + " it has one.", javaType = "String")
    public static final String UPDATE_TIME = "CamelOkkiUpdateTime";

    @Metadata(label = "consumer", description = "True when the record was deleted in OKKI (includeDeleted=true).",
              javaType = "Boolean")
    public static final String DELETED = "CamelOkkiDeleted";

    // --- okki-events (webhook consumer) ---

    @Metadata(label = "consumer", description = "okki-events: the event type, e.g. xiaoman.crm.company.update.",
              javaType = "String")
    public static final String EVENT_TYPE = "CamelOkkiEventType";

    @Metadata(label = "consumer", description = "okki-events: the subscription module of the event, e.g. crm.company.",
              javaType = "String")
    public static final String EVENT_MODULE = "CamelOkkiEventModule";

    @Metadata(label = "consumer", description = "okki-events: what happened to the record: create, update or delete.",
              javaType = "String")
    public static final String EVENT_ACTION = "CamelOkkiEventAction";

    @Metadata(label = "consumer", description = "okki-events: OKKI's message_id of the push (the same on redeliveries).",
              javaType = "String")
    public static final String MESSAGE_ID = "CamelOkkiMessageId";

    @Metadata(label = "consumer", description = "okki-events: the position (from 0) of the event in its push.",
              javaType = "Integer")
    public static final String EVENT_INDEX = "CamelOkkiEventIndex";

    @Metadata(label = "consumer", description = "okki-events: when OKKI sent the push (X-Timestamp), in unix seconds.",
              javaType = "Long")
    public static final String EVENT_TIMESTAMP = "CamelOkkiEventTimestamp";

    @Metadata(label = "consumer", description = "okki-events with enrich=true: the event's biz_data (the record's ids),"
            + " while the body holds the full record.", javaType = "java.util.Map<String, Object>")
    public static final String EVENT_DATA = "CamelOkkiEventData";

    private OkkiConstants() {
    }
}
