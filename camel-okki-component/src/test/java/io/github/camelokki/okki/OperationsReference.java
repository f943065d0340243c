package io.github.camelokki.okki;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.catalog.BodyField;
import io.github.camelokki.okki.internal.catalog.BodyFields;
import io.github.camelokki.okki.internal.catalog.ChangeTracking;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.catalog.Paging;
import io.github.camelokki.okki.internal.catalog.Parameter;

/**
 * The operations reference ({@code docs/okki-operations.adoc}), rendered from the catalog: a section per resource,
 * and per operation its URI, request, scope, result, parameters with their descriptions and, for operations that
 * send the message body as JSON, its fields. {@code DocsInSyncTest} keeps the page in step with the catalog.
 */
final class OperationsReference {

    /** The page, relative to this module. */
    static final String PAGE = "okki-operations.adoc";

    /** One row of a field table: a parameter, or a field of a JSON body. */
    record Field(String name, String type, String required, String in, String description) {
    }

    private OperationsReference() {
    }

    /** The anchor of an operation's section, e.g. {@code company-list}; stable, so other pages may link to it. */
    static String anchor(Operation op) {
        return op.resource() + "-" + op.name();
    }

    /** A cross-reference from another page to the operation's section. */
    static String link(Operation op) {
        return "xref:" + PAGE + "#" + anchor(op) + "[okki:" + op.uri() + "]";
    }

    /** The generated part of the page: an index of the resources, then a section per resource. */
    static String render(OperationCatalog catalog) {
        Map<String, List<Operation>> byResource = catalog.operations().stream()
                .collect(Collectors.groupingBy(Operation::resource, LinkedHashMap::new, Collectors.toList()));
        StringBuilder sb = new StringBuilder("Resources: ").append(byResource.keySet().stream()
                .map(r -> "<<" + r + "," + r + ">>").collect(Collectors.joining(", "))).append(".\n");
        byResource.forEach((resource, ops) -> {
            sb.append("\n[[").append(resource).append("]]\n== ").append(resource).append("\n\n")
                    .append(ops.stream().map(op -> "<<" + anchor(op) + "," + op.name() + ">>")
                            .collect(Collectors.joining(", "))).append("\n");
            ops.forEach(op -> operation(sb, op));
        });
        return sb.toString();
    }

    private static void operation(StringBuilder sb, Operation op) {
        sb.append("\n[[").append(anchor(op)).append("]]\n=== okki:").append(op.uri()).append("\n\n")
                .append(op.summary()).append("\n\n[cols=\"1,5\"]\n|===\n");
        if (!op.aliases().isEmpty()) {
            row(sb, "Also", op.aliases().stream().map(a -> "`okki:" + op.resource() + "/" + a + "`")
                    .collect(Collectors.joining(", ")));
        }
        row(sb, "Request", "`" + op.method() + " " + op.path() + "`");
        row(sb, "Scope", op.scope() == null ? "none" : "`" + op.scope() + "`");
        row(sb, "Body", body(op.bodyType()));
        if (op.idParameter() != null) {
            row(sb, "Id header", "`" + OkkiConstants.ID + "` fills `" + op.idParameter() + "`");
        }
        row(sb, "Result", result(op.paging()));
        if (op.isPage()) {
            row(sb, "Consumer", consumer(op.changes()));
        }
        sb.append("|===\n\n.Parameters\n");
        table(sb, op.parameters().map(p -> new Field(p.name(), p.type().specName(), p.required() ? "yes" : "no", where(op, p),
                p.description())).toList(), "The operation takes no parameters.");
        if (op.bodyType() == BodyType.JSON) {
            sb.append("\n.Body fields\n");
            table(sb, bodyFields(op), "OKKI's documentation lists no fields for `" + op.method() + " " + op.path()
                    + "`.");
        }
    }

    /**
     * The fields of the JSON body as the catalog's {@code bodies.txt} lists them: every top-level field, and nested
     * ones ({@code product_list[].sku_id}) where OKKI requires them; required ones are checked before sending.
     */
    private static List<Field> bodyFields(Operation op) {
        BodyFields body = op.bodyFields();
        return body.fields().stream().map(f -> new Field(f.path(), f.type().specName(), need(body, f), "body",
                "")).toList();
    }

    private static String need(BodyFields body, BodyField field) {
        return switch (field.need()) {
            case OPTIONAL -> "no";
            case REQUIRED -> "yes";
            case REQUIRED_TO_CREATE -> "to create (not when " + body.keysOf(field.parent()).stream()
                    .map(k -> "`" + k + "`").collect(Collectors.joining(" or ")) + " is given)";
            case UNCHECKED -> "per OKKI, not checked";
        };
    }

    private static void table(StringBuilder sb, List<Field> fields, String whenEmpty) {
        if (fields.isEmpty()) {
            sb.append(whenEmpty).append('\n');
            return;
        }
        sb.append("[width=\"100%\",cols=\"2,1,1,1,6\",options=\"header\"]\n|===\n"
                + "| Name | Type | Required | In | Description\n");
        fields.forEach(f -> sb.append("| `").append(f.name()).append("` | ").append(f.type()).append(" | ")
                .append(f.required()).append(" | ").append(f.in()).append(" | ")
                .append(DocsInSyncTest.cell(f.description())).append('\n'));
        sb.append("|===\n");
    }

    private static void row(StringBuilder sb, String name, String value) {
        sb.append("| ").append(name).append(" | ").append(value).append('\n');
    }

    private static String where(Operation op, Parameter p) {
        if (op.pathParameters().contains(p.name())) {
            return "path";
        }
        return op.fields().contains(p) ? "body field" : "query";
    }

    private static String body(BodyType type) {
        return switch (type) {
            case NONE -> "none: the message body must be empty";
            case JSON -> "the message body as JSON (`Map`, POJO, `JsonNode` or JSON text)";
            case FORM, MULTIPART -> "fields of a `" + type.mediaType() + "` body: the parameters sent as body"
                    + " fields, and the entries of a `Map` message body";
        };
    }

    private static String result(Paging paging) {
        if (paging == null) {
            return "the answer's `data`, as OKKI sends it (a `Map` or a `List`)";
        }
        String records = "a `List` of the records in `data." + paging.recordsField() + "`; `" + OkkiConstants.TOTAL
                + "` holds `data." + paging.totalField() + "`";
        if (!paging.style().pageable()) {
            return "every record in one answer: " + records + "; no paging";
        }
        return "a page: " + records + ". The component sets `" + paging.style().pageParam() + "` (page number from"
                + " 1) and `" + paging.style().sizeParam() + "` (from `pageSize`) unless they are given;"
                + " `allPages=true` returns every record";
    }

    private static String consumer(ChangeTracking changes) {
        List<String> parts = new ArrayList<>();
        if (changes != null && changes.incremental()) {
            parts.add("`from(...)` reads the records changed since the last poll, by their update time"
                    + (changes.selector().isEmpty() ? "" : " (it sends `" + ChangeTracking.describe(changes.selector())
                            + "`)"));
        } else {
            parts.add("`from(...)` reads the whole list each poll and delivers new or changed records");
        }
        if (changes != null) {
            parts.add("see xref:okki-component.adoc#_change_tracking[which time each list's window uses]");
        }
        return String.join("; ", parts);
    }
}
