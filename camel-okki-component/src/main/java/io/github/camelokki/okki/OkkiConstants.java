package io.github.camelokki.okki;

import org.apache.camel.spi.Metadata;

/**
 * The message headers the OKKI component reads and writes.
 */
public final class OkkiConstants {

    @Metadata(label = "producer", description = "Parameters of the call by their OKKI names (e.g. company_id);"
            + " they override the endpoint's param.* options.", javaType = "java.util.Map<String, Object>")
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

    @Metadata(label = "consumer", description = "The id of the record (the value of its id member, e.g. company_id).",
              javaType = "Object")
    public static final String RECORD_ID = "CamelOkkiRecordId";

    @Metadata(label = "consumer", description = "The record's update_time as OKKI sent it (yyyy-MM-dd HH:mm:ss), when"
            + " it has one.", javaType = "String")
    public static final String UPDATE_TIME = "CamelOkkiUpdateTime";

    @Metadata(label = "consumer", description = "True when the record was deleted in OKKI (includeDeleted=true).",
              javaType = "Boolean")
    public static final String DELETED = "CamelOkkiDeleted";

    private OkkiConstants() {
    }
}
