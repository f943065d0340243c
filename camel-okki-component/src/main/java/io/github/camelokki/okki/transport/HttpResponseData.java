package io.github.camelokki.okki.transport;

import java.nio.charset.StandardCharsets;

/**
 * A response read in full: OKKI's answers are one JSON document of at most one page, so reading it whole keeps the
 * connection free for the next call and lets errors quote the body.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or null
 * @param retryAfter  the Retry-After header, or null
 * @param body        the body, empty when there was none
 */
public record HttpResponseData(int status, String contentType, String retryAfter, byte[] body) {

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first {@code max} characters of the body, for error messages; control characters folded to spaces. */
    public String bodyStart(int max) {
        String text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8);
        if (text.length() > max) {
            text = text.substring(0, max) + "...";
        }
        return text.replaceAll("[\\p{Cntrl}&&[^\t]]+", " ").strip();
    }

    @Override
    public String toString() {
        return "HTTP " + status + " (" + body.length + " bytes)";
    }
}
