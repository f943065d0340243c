package io.github.camelokki.okki.internal.catalog;

import java.util.Map;

/**
 * How a time-filtered list answers "what changed since T", as OKKI's published spec describes that list. Every list
 * words its {@code start_time} differently (a {@code time_type} or {@code sort_field} selector, a parameter
 * described as the update time, or no word on which time it is), so the catalog states it per list instead of a
 * consumer guessing.
 *
 * @param window    which time {@code start_time}/{@code end_time} filter on once {@link #selector} is sent
 * @param selector  the parameter and value that make the window filter on update time (e.g. {@code time_type=1},
 *                  {@code sort_field=update_time}); empty when the list has no selector
 * @param deletions how the list's deleted records can be followed
 * @param deletionSelector the parameter and value that make the window of the deleted listing filter on deletion time
 *                  (order/list's {@code time_type=4}); empty unless {@code deletions} is {@link Deletions#WINDOW}
 * @param basis     what the spec says that this rests on, in the project's words, for the docs
 */
public record ChangeTracking(Window window, Map<String, String> selector, Deletions deletions,
        Map<String, String> deletionSelector, String basis) {

    /** Which time a list's window filters on. */
    public enum Window {
        /** The update time: each poll can ask for records changed since the watermark. */
        UPDATE_TIME,
        /**
         * The spec does not say which time: asking for a window could silently miss changes, so consumers read the
         * whole list each poll and deliver what changed by content.
         */
        UNKNOWN
    }

    /** How deleted records are listed. */
    public enum Deletions {
        /** The list cannot return deleted records. */
        NONE,
        /**
         * A deleted listing ({@code removed=1}, {@code is_delete=1}) exists, but the spec does not say whether deleting
         * moves a record's update time: consumers read the deleted listing in full each poll.
         */
        FULL,
        /** The deleted listing takes a window on the deletion time ({@link #deletionSelector}). */
        WINDOW
    }

    public ChangeTracking {
        selector = Map.copyOf(selector);
        deletionSelector = Map.copyOf(deletionSelector);
        if ((deletions == Deletions.WINDOW) == deletionSelector.isEmpty()) {
            throw new IllegalArgumentException("a deletion-time selector goes with, and only with, a windowed deleted"
                    + " listing");
        }
    }

    /** Whether a consumer can read the list incrementally, by update time. */
    public boolean incremental() {
        return window == Window.UPDATE_TIME;
    }

    /**
     * Parses the window and deletion columns of {@code changes.txt}: the window is {@code update_time} (the parameter
     * is documented as the update time), {@code unknown}, or a selector {@code name=value}; deletions are {@code -},
     * {@code full} or a deletion-time selector {@code name=value}.
     */
    static ChangeTracking parse(String windowText, String deletionsText, String basis) {
        Window window;
        Map<String, String> selector = Map.of();
        switch (windowText) {
            case "update_time" -> window = Window.UPDATE_TIME;
            case "unknown" -> window = Window.UNKNOWN;
            default -> {
                window = Window.UPDATE_TIME;
                selector = assignment(windowText);
            }
        }
        Deletions deletions;
        Map<String, String> deletionSelector = Map.of();
        switch (deletionsText) {
            case "-" -> deletions = Deletions.NONE;
            case "full" -> deletions = Deletions.FULL;
            default -> {
                deletions = Deletions.WINDOW;
                deletionSelector = assignment(deletionsText);
            }
        }
        return new ChangeTracking(window, selector, deletions, deletionSelector, basis);
    }

    private static Map<String, String> assignment(String text) {
        int eq = text.indexOf('=');
        if (eq <= 0 || eq == text.length() - 1 || text.indexOf('=', eq + 1) >= 0) {
            throw new IllegalArgumentException("expected name=value, update_time, unknown, full or -, not '" + text + "'");
        }
        return Map.of(text.substring(0, eq), text.substring(eq + 1));
    }

    /** The selector as written in a URI, e.g. {@code time_type=1}; empty when there is none. */
    public static String describe(Map<String, String> selector) {
        return selector.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).findFirst().orElse("");
    }
}
