package io.github.camelokki.okki.internal.sync;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import io.github.camelokki.okki.internal.catalog.ChangeTracking;
import io.github.camelokki.okki.internal.catalog.Operation;

/**
 * The parameters a sync sends for one list: the endpoint's own, with the window on the update time and the deleted
 * listing shaped the way the list's {@link ChangeTracking} line says.
 */
final class ListWindow {

    private final Operation operation;
    private final Map<String, Object> params;
    /** How the list tracks changes; null for lists without a time window. */
    private final ChangeTracking changes;
    private final String deletedParameter;

    ListWindow(Operation operation, Map<String, Object> params) {
        this.operation = operation;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.changes = operation.changes();
        this.deletedParameter = operation.deletedFlag().orElse(null);
    }

    /**
     * Fails when the sync cannot work with these options: deleted records asked for where the list cannot list them,
     * or parameters that turn the list's window to another time than the update time (an incremental sync would then
     * miss changes without a word: creation time, new records only; last contact, no edits).
     */
    void check(boolean includeDeleted) {
        if (includeDeleted && deletedParameter == null) {
            throw new IllegalArgumentException("includeDeleted=true, but okki:" + operation.uri()
                    + " cannot list deleted records (it takes neither removed nor is_delete)");
        }
        if (changes == null) {
            return;
        }
        changes.selector().forEach((name, value) -> {
            Object given = params.get(name);
            if (given != null && !value.equals(String.valueOf(given).strip())) {
                throw new IllegalArgumentException("okki:" + operation.uri() + " consumer: " + name + "=" + given
                        + " makes OKKI filter the window on another time than the update time, so the consumer would"
                        + " miss changes. It sends " + name + "=" + value + " itself: remove the option "
                        + name + ", or read by that time with a producer, e.g. to(\"okki:" + operation.uri()
                        + "?allPages=true&" + name + "=" + given + "&start_time=...\").");
            }
        });
    }

    /** The endpoint's parameters as given: a first read of everything, or a list read in full. */
    Map<String, Object> all() {
        return new LinkedHashMap<>(params);
    }

    /**
     * The parameters with a window on the update time from {@code start} to {@code end}, each left out when null;
     * without either, the parameters as given (a first read of everything).
     */
    Map<String, Object> between(LocalDateTime start, LocalDateTime end) {
        Map<String, Object> windowed = all();
        if (start == null && end == null) {
            return windowed;
        }
        windowed.remove("start_time");
        windowed.remove("end_time");
        if (start != null) {
            windowed.put("start_time", ServerTime.format(start));
        }
        if (end != null) {
            windowed.put("end_time", ServerTime.format(end));
        }
        windowed.putAll(changes.selector());
        return windowed;
    }

    /**
     * The deleted listing of a window (or of the whole list): windowed on the deletion time where the list has a
     * selector for it, otherwise without a window, since the spec does not say that deleting moves the update time.
     */
    Map<String, Object> deleted(Map<String, Object> window) {
        Map<String, Object> deleted = new LinkedHashMap<>(window);
        if (changes != null && changes.incremental() && changes.deletions() == ChangeTracking.Deletions.WINDOW) {
            changes.selector().keySet().forEach(deleted::remove);
            deleted.putAll(changes.deletionSelector());
        } else {
            deleted.remove("start_time");
            deleted.remove("end_time");
        }
        deleted.put(deletedParameter, 1);
        return deleted;
    }

    /**
     * The state key: the operation and its filters, so two endpoints with other filters keep their own watermark. Free
     * of {@code =} and line breaks, which Camel's FileStateRepository refuses in a key: a filter is {@code |name:value}
     * with the value URL-encoded.
     */
    String stateKey() {
        return key(':', v -> URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8));
    }

    /**
     * The key versions before 1.0 kept the watermark under ({@code |name=value}); read when the current key holds
     * nothing, so that an upgrade does not start the sync again. Null when it is the current key (no filters).
     */
    String legacyStateKey() {
        return params.isEmpty() ? null : key('=', String::valueOf);
    }

    private String key(char separator, Function<Object, String> value) {
        StringBuilder sb = new StringBuilder("okki:").append(operation.uri());
        new TreeMap<>(params).forEach((k, v) -> sb.append('|').append(k).append(separator).append(value.apply(v)));
        return sb.toString();
    }

    /** The name of the flag that lists deleted records, e.g. removed; for messages. */
    String deletedParameter() {
        return deletedParameter;
    }
}
