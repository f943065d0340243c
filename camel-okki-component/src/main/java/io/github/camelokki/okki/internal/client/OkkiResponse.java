package io.github.camelokki.okki.internal.client;

import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.internal.catalog.Paging;
import io.github.camelokki.okki.internal.json.Envelope;

/**
 * A successful answer: the decoded envelope and the raw bytes it came from.
 *
 * @param httpStatus the HTTP status
 * @param envelope   the decoded envelope
 * @param raw        the body as received
 */
public record OkkiResponse(int httpStatus, Envelope envelope, byte[] raw) {

    public Object data() {
        return envelope.data();
    }

    /** OKKI's clock when it answered ({@code now}), or null. */
    public String serverTime() {
        return envelope.now();
    }

    /** The records of a page answer: {@code data.<recordsField>}, or {@code data} itself when it is a list. */
    public List<?> records(Paging paging) {
        Object data = envelope.data();
        if (data instanceof Map<?, ?> map && map.get(paging.recordsField()) instanceof List<?> list) {
            return list;
        }
        return data instanceof List<?> list ? list : List.of();
    }

    /** The total number of records a page answer reports, or null when it reports none. */
    public Long total(Paging paging) {
        if (envelope.data() instanceof Map<?, ?> map) {
            Object total = map.get(paging.totalField());
            if (total instanceof Number n) {
                return n.longValue();
            }
            if (total instanceof String s && s.strip().matches("\\d+")) {
                return Long.valueOf(s.strip());
            }
        }
        return null;
    }
}
