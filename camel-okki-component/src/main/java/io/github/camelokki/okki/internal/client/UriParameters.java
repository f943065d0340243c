package io.github.camelokki.okki.internal.client;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.catalog.Parameter;

/**
 * An operation's parameters given in an endpoint URI, either as plain options by OKKI's names
 * ({@code okki:company/list?start_time=...}) or with the {@code param.} prefix; decided once, when the endpoint is
 * created, so a mistyped option fails the route instead of reaching OKKI.
 */
public final class UriParameters {

    private UriParameters() {
    }

    /**
     * Takes the operation's parameters out of {@code options} (what is left are the endpoint's own options) and
     * returns them with {@code prefixed} (the {@code param.} options), text converted to the documented types.
     * An option named like an endpoint option stays one: the endpoint option wins, {@code param.} reaches OKKI's.
     *
     * @param endpointOptions the names of the endpoint's options
     * @param prefixes        the prefixes of the endpoint's multi-value options (e.g. {@code scheduler.})
     * @throws IllegalArgumentException for an option that is neither, naming the parameters and the closest name,
     *                                  or a value that is not of its parameter's type
     */
    public static Map<String, Object> take(Operation op, Map<String, Object> options, Map<String, Object> prefixed,
            Set<String> endpointOptions, Iterable<String> prefixes) {
        Map<String, Object> params = new LinkedHashMap<>();
        prefixed.forEach((name, value) -> params.put(name, convert(op, name, value)));
        for (Iterator<Map.Entry<String, Object>> it = options.entrySet().iterator(); it.hasNext();) {
            Map.Entry<String, Object> option = it.next();
            String name = option.getKey();
            if (isEndpointOption(name, endpointOptions, prefixes)) {
                continue;
            }
            if (op.parameter(name).isEmpty()) {
                throw unknown(op, name, endpointOptions);
            }
            params.put(name, convert(op, name, option.getValue()));
            it.remove();
        }
        return params;
    }

    private static boolean isEndpointOption(String name, Set<String> endpointOptions, Iterable<String> prefixes) {
        // an option differing from an endpoint option only in case is left to Camel's binding, which decides
        if (endpointOptions.stream().anyMatch(name::equalsIgnoreCase)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static IllegalArgumentException unknown(Operation op, String name, Set<String> endpointOptions) {
        Set<String> parameters = op.parameters().map(Parameter::name).collect(Collectors.toCollection(TreeSet::new));
        List<String> candidates = new ArrayList<>(parameters);
        candidates.addAll(endpointOptions);
        return new IllegalArgumentException("Unknown option '" + name + "' of okki:" + op.uri()
                + ": it is neither an endpoint option nor a parameter of the operation. Did you mean "
                + OperationCatalog.closest(name, candidates) + "? "
                + (parameters.isEmpty() ? "okki:" + op.uri() + " takes no parameters."
                        : "Parameters of okki:" + op.uri() + ": " + String.join(", ", parameters) + "."));
    }

    /**
     * A parameter's value from the URI in its documented type; values that are not text (a #bean reference), of
     * undocumented parameters (given with {@code param.}) and of string parameters are kept as given.
     */
    static Object convert(Operation op, String name, Object value) {
        Parameter.Type type = op.parameter(name).map(Parameter::type).orElse(Parameter.Type.STRING);
        if (!(value instanceof String text) || type == Parameter.Type.STRING) {
            return value;
        }
        try {
            return type == Parameter.Type.INTEGER ? (Object) Long.valueOf(text.strip()) : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("The parameter " + name + " of okki:" + op.uri() + " is "
                    + (type == Parameter.Type.INTEGER ? "an integer" : "a number") + ", not '" + text + "'");
        }
    }
}
