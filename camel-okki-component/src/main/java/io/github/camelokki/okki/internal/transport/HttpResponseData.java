package io.github.camelokki.okki.internal.transport;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A response read in full: OKKI's answers are one JSON document of at most one page, so reading it whole keeps the
 * connection free for the next call and lets errors quote the body.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or null
 * @param retryAfter  the Retry-After header, or null
 * @param body        the body, empty when there was none
 * @param attempts    how many times the request was sent to get this answer
 */
public record HttpResponseData(int status, String contentType, String retryAfter, byte[] body, int attempts) {

    /** A token or secret member, JSON ({@code "access_token":"..."}) or form style ({@code access_token=...}). */
    private static final Pattern SECRET_MEMBER = Pattern.compile(
            "(?i)(\"?(?:access_token|refresh_token|client_secret|password)\"?\\s*[:=]\\s*\"?)[^\"&,}\\s]*");
    private static final Pattern BEARER = Pattern.compile("(?i)(Bearer\\s+)[A-Za-z0-9._~+/=-]+");

    HttpResponseData afterAttempts(int count) {
        return new HttpResponseData(status, contentType, retryAfter, body, count);
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /**
     * The first {@code max} characters of the body, for error messages; control characters folded to spaces, and the
     * values of token and secret members (a cut-off or malformed token answer still holds the tokens) masked.
     */
    public String bodyStart(int max) {
        String text = new String(body, 0, Math.min(body.length, max * 4), StandardCharsets.UTF_8);
        text = SECRET_MEMBER.matcher(text).replaceAll("$1xxxxxx");
        text = BEARER.matcher(text).replaceAll("$1xxxxxx");
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
