package io.github.camelokki.okki.internal.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What each parameter of the catalog means, read from {@code parameters.txt}. A line names a parameter alone, for
 * every operation that takes it, or one or more operations and then the parameter, for those operations only; the
 * line naming the operation wins. The catalog does not load unless every parameter of every operation is described
 * and every line describes a parameter in use, so an operation added later cannot go without descriptions.
 */
final class ParameterDescriptions {

    private record Line(int number, String text) {
    }

    private final Map<String, Operation> operations;
    /** By parameter name: its meaning wherever no line names the operation. */
    private final Map<String, Line> shared = new LinkedHashMap<>();
    /** By {@code resource/operation parameter}. */
    private final Map<String, Line> own = new LinkedHashMap<>();
    private final Set<String> sharedInUse = new HashSet<>();
    private final List<String> undescribed = new ArrayList<>();

    /** @param operations the operations of {@code operations.txt} by URI, whose parameters the lines describe */
    ParameterDescriptions(Map<String, Operation> operations) {
        this.operations = operations;
    }

    /**
     * Takes one line of {@code parameters.txt}.
     *
     * @param columns {@code [resource/operation ...] parameter} and the description
     * @param number  the line's number in the file
     * @throws IllegalArgumentException when the line names an operation the catalog lacks, a parameter the operation
     *                                  does not take, or a parameter described before, or has no description
     */
    void add(String[] columns, int number) {
        String[] names = columns[0].split("\\s+");
        String parameter = names[names.length - 1];
        if (columns[1].isEmpty()) {
            throw new IllegalArgumentException("the description of " + columns[0] + " is empty");
        }
        Line line = new Line(number, columns[1]);
        if (names.length == 1) {
            put(shared, parameter, line);
            return;
        }
        for (int i = 0; i < names.length - 1; i++) {
            Operation op = operations.get(names[i]);
            if (op == null) {
                throw new IllegalArgumentException(names[i] + " is not an operation of " + OperationCatalog.RESOURCE);
            }
            if (op.parameter(parameter).isEmpty()) {
                throw new IllegalArgumentException("okki:" + op.uri() + " takes no parameter " + parameter
                        + "; it takes " + op.parameters().map(Parameter::name).collect(Collectors.joining(", ")));
            }
            put(own, op.uri() + " " + parameter, line);
        }
    }

    private static void put(Map<String, Line> lines, String key, Line line) {
        Line earlier = lines.putIfAbsent(key, line);
        if (earlier != null) {
            throw new IllegalArgumentException(key + " is described on line " + earlier.number() + " already");
        }
    }

    /** The operation with its parameters described; one left undescribed is reported by {@link #requireComplete}. */
    Operation describe(Operation op) {
        return op.withParameters(describe(op, op.query()), describe(op, op.fields()));
    }

    private List<Parameter> describe(Operation op, List<Parameter> parameters) {
        List<Parameter> described = new ArrayList<>();
        for (Parameter p : parameters) {
            Line line = own.get(op.uri() + " " + p.name());
            if (line == null && shared.containsKey(p.name())) {
                line = shared.get(p.name());
                sharedInUse.add(p.name());
            }
            if (line == null) {
                undescribed.add(op.uri() + " " + p.name());
                described.add(p);
            } else {
                described.add(p.describedAs(line.text()));
            }
        }
        return described;
    }

    /**
     * Fails unless every parameter of the operations given to {@link #describe} had a description and every line
     * naming a parameter alone described one of them.
     */
    void requireComplete() {
        String file = OperationCatalog.PARAMETERS;
        if (!undescribed.isEmpty()) {
            String example = undescribed.get(0);
            String parameter = example.substring(example.indexOf(' ') + 1);
            throw new IllegalStateException(file + " does not say what these parameters mean: " + undescribed
                    .stream().map(u -> "okki:" + u).collect(Collectors.joining(", ")) + ". Add a line such as '"
                    + example + " | <what it means>', or '" + parameter + " | <what it means>' if it means the same"
                    + " in every operation that takes it.");
        }
        List<String> unused = shared.entrySet().stream().filter(e -> !sharedInUse.contains(e.getKey()))
                .map(e -> "line " + e.getValue().number() + " (" + e.getKey() + ")").toList();
        if (!unused.isEmpty()) {
            throw new IllegalStateException(file + " describes parameters that no operation takes without a line of"
                    + " its own: " + String.join(", ", unused) + ". Remove those lines.");
        }
    }
}
