package io.github.camelokki.simulator;

import java.util.Map;

/**
 * Which record time a list's start_time/end_time window filters on: a fixed one, or the one a selector parameter
 * ({@code time_type}, {@code sort_field}) picks. Each list reads its own row, so the simulator does not share a
 * client's guess about which time a list filters on.
 *
 * @param selector     the parameter choosing the time, or {@code null} when the list has none
 * @param defaultValue the selector value that applies when the parameter is absent or not one of {@code times}
 * @param times        the time each selector value filters on; without a selector, the one time under {@code ""}
 * @param sorts        whether the chosen time also orders the list (newest first); otherwise update_time does
 */
record TimeFilter(String selector, String defaultValue, Map<String, RecordTime> times, boolean sorts) {

    /** The common pair: 1 update time, 2 create time. */
    static final Map<String, RecordTime> UPDATE_OR_CREATE = Map.of("1", RecordTime.UPDATE, "2", RecordTime.CREATE);

    TimeFilter {
        if (!times.containsKey(defaultValue)) {
            throw new IllegalArgumentException("default " + defaultValue + " is not among " + times.keySet());
        }
    }

    /** A list whose window always filters on the same time. */
    static TimeFilter fixed(RecordTime time) {
        return new TimeFilter(null, "", Map.of("", time), false);
    }

    /** A list whose window filters on the time the selector picks. */
    static TimeFilter selectedBy(String selector, String defaultValue, Map<String, RecordTime> times) {
        return new TimeFilter(selector, defaultValue, times, false);
    }

    /** A list whose selector picks the time to filter on and to order by. */
    static TimeFilter sortedBy(String selector, String defaultValue, Map<String, RecordTime> times) {
        return new TimeFilter(selector, defaultValue, times, true);
    }

    /**
     * The time the request's selector value picks. A value OKKI does not document gets the default, as the list
     * would answer if the parameter were left out, rather than an error OKKI is not known to send.
     */
    RecordTime select(SimRequest request) {
        String value = selector == null ? null : request.param(selector);
        RecordTime time = value == null ? null : times.get(value.strip());
        return time != null ? time : times.get(defaultValue);
    }
}
