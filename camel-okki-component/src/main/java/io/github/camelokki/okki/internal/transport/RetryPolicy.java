package io.github.camelokki.okki.internal.transport;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.github.camelokki.okki.internal.catalog.HttpMethod;

/**
 * When and how long to wait before sending a request again. Reads (and token requests) are retried on connection
 * failures, 5xx and 429; writes only when the user allowed it, since the API has no idempotency keys.
 *
 * @param maxRetries   retries after the first attempt; 0 turns retrying off
 * @param initialDelay the wait before the first retry, doubled for each further one
 * @param maxDelay     the longest wait, also the cap on a server's Retry-After
 * @param retryWrites  whether POST, PUT and DELETE are retried too
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, boolean retryWrites) {

    public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ZERO, Duration.ZERO, false);

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, not " + maxRetries);
        }
    }

    /** Whether a request of this method may be sent again at all. */
    public boolean allows(HttpMethod method, int retriesSoFar) {
        return retriesSoFar < maxRetries && (method.safe() || retryWrites);
    }

    /** Whether an HTTP status is worth another attempt: the server was busy or broken, not the request wrong. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status >= 500;
    }

    /** Same policy, but for a request that may always be repeated, such as a token request. */
    public RetryPolicy forRepeatable() {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, true);
    }

    /**
     * How long to wait before retry number {@code retry} (1-based): the server's Retry-After when it gave one,
     * otherwise exponential backoff; never more than {@link #maxDelay}.
     */
    public Duration delay(int retry, String retryAfter, Instant now) {
        Duration wanted = parseRetryAfter(retryAfter, now);
        if (wanted == null) {
            long factor = 1L << Math.min(retry - 1, 20);
            wanted = initialDelay.multipliedBy(factor);
        }
        return wanted.compareTo(maxDelay) > 0 ? maxDelay : wanted;
    }

    /** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
    static Duration parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(now, at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }
}
