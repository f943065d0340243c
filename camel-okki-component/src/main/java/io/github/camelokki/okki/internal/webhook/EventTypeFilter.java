package io.github.camelokki.okki.internal.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Which event types reach the route: comma-separated patterns where {@code *} stands for any characters, e.g.
 * {@code xiaoman.crm.company.*,xiaoman.crm.order.delete}. Without patterns every CRM event ({@code xiaoman.crm.*}) passes;
 * OKKI's test callback ({@code xiaoman.open.callback.test}) is always answered and only reaches the route when a pattern
 * names it.
 */
public final class EventTypeFilter {

    public static final String DEFAULT = "xiaoman.crm.*";

    private final List<Pattern> patterns;

    private EventTypeFilter(List<Pattern> patterns) {
        this.patterns = patterns;
    }

    public static EventTypeFilter of(String commaSeparated) {
        String spec = commaSeparated == null || commaSeparated.isBlank() ? DEFAULT : commaSeparated;
        return new EventTypeFilter(Arrays.stream(spec.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(EventTypeFilter::compile).toList());
    }

    private static Pattern compile(String glob) {
        return Pattern.compile(String.join(".*", Arrays.stream(glob.split("\\*", -1)).map(Pattern::quote).toList()));
    }

    public boolean accepts(String eventType) {
        return eventType != null && patterns.stream().anyMatch(p -> p.matcher(eventType).matches());
    }
}
