package io.github.camelokki.okki.internal.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.ObjIntConsumer;
import java.util.stream.Collectors;

import io.github.camelokki.okki.api.BodyType;

/**
 * Every OKKI Open API operation the component knows, read once from {@code operations.txt} beside this class, with
 * what each parameter means ({@code parameters.txt}), how each time-filtered list tracks changes ({@code changes.txt})
 * and the documented fields of its JSON bodies ({@code bodies.txt}).
 * <p>
 * Endpoints resolve their operation here when they are created; nothing looks it up again per message.
 */
public final class OperationCatalog {

    static final String RESOURCE = "operations.txt";
    static final String PARAMETERS = "parameters.txt";
    private static final String CHANGES = "changes.txt";
    private static final String BODIES = "bodies.txt";
    private static final int COLUMNS = 11;
    private static final int PARAMETER_COLUMNS = 2;
    private static final int CHANGE_COLUMNS = 4;
    private static final int BODY_COLUMNS = 3;

    private final List<Operation> operations;
    /** Keyed by {@code resource/name} and {@code resource/alias}. */
    private final Map<String, Operation> byUri;

    private OperationCatalog(List<Operation> operations) {
        this.operations = List.copyOf(operations);
        Map<String, Operation> index = new LinkedHashMap<>();
        for (Operation op : operations) {
            register(index, op.uri(), op);
            op.aliases().forEach(alias -> register(index, op.resource() + "/" + alias, op));
        }
        this.byUri = Map.copyOf(index);
    }

    private static void register(Map<String, Operation> index, String key, Operation op) {
        Operation previous = index.putIfAbsent(key, op);
        if (previous != null) {
            throw new IllegalStateException("The catalog names " + key + " twice: " + previous.path() + " and " + op.path());
        }
    }

    /** The catalog shipped with the component. */
    public static OperationCatalog standard() {
        return Holder.STANDARD;
    }

    private static final class Holder {
        static final OperationCatalog STANDARD = load();

        private static OperationCatalog load() {
            return parse(read(RESOURCE), read(PARAMETERS), read(CHANGES), read(BODIES));
        }

        private static String read(String resource) {
            try (InputStream in = OperationCatalog.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("The operation catalog's " + resource + " is missing from the jar");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the operation catalog's " + resource, e);
            }
        }
    }

    /**
     * Parses catalog text: the operations ({@code operations.txt}), what their parameters mean
     * ({@code parameters.txt}), how each time-filtered list tracks changes ({@code changes.txt}) and the documented
     * fields of JSON bodies ({@code bodies.txt}); one entry a line, {@code #} comments, columns separated by {@code |}.
     *
     * @throws IllegalStateException when a line is malformed, a parameter is not described, a time-filtered list and
     *                               the change lines disagree, or a body line names an operation that takes no JSON
     *                               body
     */
    static OperationCatalog parse(String operationsText, String parametersText, String changesText,
            String bodiesText) {
        Map<String, Operation> ops = new LinkedHashMap<>();
        lines(RESOURCE, operationsText, COLUMNS, (c, number) -> {
            Operation op = parseLine(c);
            if (ops.putIfAbsent(op.uri(), op) != null) {
                throw new IllegalArgumentException(op.uri() + " is named twice");
            }
        });
        ParameterDescriptions descriptions = new ParameterDescriptions(ops);
        lines(PARAMETERS, parametersText, PARAMETER_COLUMNS, descriptions::add);
        ops.replaceAll((uri, op) -> descriptions.describe(op));
        descriptions.requireComplete();
        Map<String, ChangeTracking> changes = new LinkedHashMap<>();
        lines(CHANGES, changesText, CHANGE_COLUMNS, (c, number) -> {
            Operation op = ops.get(c[0]);
            if (op == null || !op.isTimeFiltered() || !op.isPage()) {
                throw new IllegalArgumentException(c[0] + " is not a time-filtered list of " + RESOURCE);
            }
            ChangeTracking tracking = ChangeTracking.parse(c[1], c[2], c[3]);
            if ((tracking.deletions() == ChangeTracking.Deletions.NONE) != op.deletedFlag().isEmpty()) {
                throw new IllegalArgumentException(c[0] + (op.deletedFlag().isEmpty() ? " takes no deleted flag"
                        : " takes " + op.deletedFlag().get()) + ", so its deletions cannot be '" + c[2] + "'");
            }
            if (changes.putIfAbsent(c[0], tracking) != null) {
                throw new IllegalArgumentException(c[0] + " is named twice");
            }
            ops.put(c[0], op.withChanges(tracking));
        });
        List<String> missing = ops.values().stream().filter(op -> op.isTimeFiltered() && op.isPage()
                && op.changes() == null).map(Operation::uri).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(CHANGES + " does not say how these lists track changes: " + missing);
        }
        lines(BODIES, bodiesText, BODY_COLUMNS, (c, number) -> {
            Operation op = ops.get(c[0]);
            if (op == null || op.bodyType() != BodyType.JSON) {
                throw new IllegalArgumentException(c[0] + " is not an operation of " + RESOURCE + " with a JSON body");
            }
            if (!op.bodyFields().isEmpty()) {
                throw new IllegalArgumentException(c[0] + " is named twice");
            }
            if ("-".equals(c[2])) {
                throw new IllegalArgumentException(c[0] + " lists no field; leave the operation out instead");
            }
            ops.put(c[0], op.withBodyFields(BodyFields.parse(words(c[1]), words(c[2]))));
        });
        return new OperationCatalog(new ArrayList<>(ops.values()));
    }

    private static void lines(String file, String text, int columns, ObjIntConsumer<String[]> each) {
        try (BufferedReader reader = new BufferedReader(new java.io.StringReader(text))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                try {
                    String[] c = trimmed.split("\\s*\\|\\s*", -1);
                    if (c.length != columns) {
                        throw new IllegalArgumentException("expected " + columns + " columns, found " + c.length);
                    }
                    each.accept(c, number);
                } catch (RuntimeException e) {
                    throw new IllegalStateException(file + " line " + number + " is malformed: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Operation parseLine(String[] c) {
        String[] uri = c[0].split("/");
        if (uri.length != 2) {
            throw new IllegalArgumentException("the URI must read resource/operation, not " + c[0]);
        }
        return new Operation(uri[0], uri[1], words(c[1]), HttpMethod.valueOf(c[2]), c[3], dash(c[4]),
                BodyType.parse(c[5]), dash(c[6]), parameters(c[7]), parameters(c[8]),
                "-".equals(c[9]) ? null : Paging.parse(c[9]), c[10], null);
    }

    private static String dash(String value) {
        return "-".equals(value) ? null : value;
    }

    private static List<String> words(String value) {
        return "-".equals(value) ? List.of() : Arrays.asList(value.split("\\s+"));
    }

    private static List<Parameter> parameters(String value) {
        return words(value).stream().map(Parameter::parse).toList();
    }

    public List<Operation> operations() {
        return operations;
    }

    public Optional<Operation> find(String resource, String name) {
        return Optional.ofNullable(byUri.get(resource + "/" + name));
    }

    /**
     * The operation for a URI's resource and name.
     *
     * @throws IllegalArgumentException naming the valid resources or operations, closest first
     */
    public Operation require(String resource, String name) {
        Operation op = byUri.get(resource + "/" + name);
        if (op != null) {
            return op;
        }
        Map<String, List<Operation>> byResource = operations.stream()
                .collect(Collectors.groupingBy(Operation::resource, LinkedHashMap::new, Collectors.toList()));
        List<Operation> ofResource = byResource.get(resource);
        if (ofResource == null) {
            throw new IllegalArgumentException("Unknown OKKI resource '" + resource + "' in okki:" + resource + "/" + name
                    + ". Did you mean " + closest(resource, byResource.keySet())
                    + "? Valid resources: " + String.join(", ", new TreeSet<>(byResource.keySet()))
                    + ", or api/<get|post|put|delete>?path=... for a path the catalog lacks.");
        }
        List<String> names = new ArrayList<>();
        ofResource.forEach(o -> {
            names.add(o.name());
            names.addAll(o.aliases());
        });
        throw new IllegalArgumentException("Unknown operation '" + name + "' of OKKI resource '" + resource
                + "'. Did you mean " + resource + "/" + closest(name, names) + "? Valid operations: "
                + ofResource.stream().map(Operation::name).sorted().collect(Collectors.joining(", ")) + ".");
    }

    /**
     * The member that holds a record's id in a resource's lists: the id parameter of the resource's operations
     * (company_id for company, order_id for order, ...), preferring that of its info operation; for resources with
     * no such operation, the resource's name in snake case with {@code _id} (warehouse_id, capital_account_id).
     */
    public String recordIdField(String resource) {
        return find(resource, "info").map(Operation::idParameter)
                .or(() -> operations.stream().filter(o -> o.resource().equals(resource) && o.idParameter() != null)
                        .map(Operation::idParameter).findFirst())
                .orElseGet(() -> resource.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT) + "_id");
    }

    /**
     * The module scope for a path the catalog may lack: that of the catalog operations sharing the longest leading
     * part of the path, e.g. {@code company} for {@code /v1/company/somethingNew}.
     */
    public Optional<String> scopeForPath(String path) {
        String prefix = path;
        for (int cut = prefix.lastIndexOf('/'); cut > 0; cut = prefix.lastIndexOf('/')) {
            prefix = prefix.substring(0, cut);
            String folder = prefix + "/";
            Optional<String> scope = operations.stream().filter(o -> o.scope() != null && o.path().startsWith(folder))
                    .map(Operation::scope).findFirst();
            if (scope.isPresent() && !"/v1/".equals(folder)) {
                return scope;
            }
        }
        return Optional.empty();
    }

    /** The candidate nearest to {@code wanted} by edit distance, ignoring case; "?" when there is none. */
    public static String closest(String wanted, Collection<String> candidates) {
        String target = wanted.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .min(Comparator.comparingInt((String c) -> distance(target, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse("?");
    }

    /** Levenshtein distance, small strings only. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
