package io.github.camelokki.okki.internal.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The secrets a receiver accepts: the current {@code security_config} and, during a grace period after a rotation, the
 * previous one (OKKI keeps retrying messages signed before the rotation for about 100 seconds). Thread-safe; the state is
 * replaced as a whole, so a request sees either the old or the new pair.
 */
public final class WebhookSecrets {

    private record State(String current, String previous, Instant previousUntil) {
    }

    private final Clock clock;
    private final Duration gracePeriod;
    private volatile State state;

    /**
     * @param current     the current security_config, or null while none is known yet
     * @param previous    a previous security_config still accepted, or null
     * @param gracePeriod how long a previous secret stays accepted, counted from now (and from each rotation)
     */
    public WebhookSecrets(String current, String previous, Duration gracePeriod, Clock clock) {
        this.clock = clock;
        this.gracePeriod = gracePeriod;
        current = normalize(current);
        previous = normalize(previous);
        if (current != null) {
            WebhookCipher.key(current);
        }
        if (previous != null) {
            WebhookCipher.key(previous);
        }
        this.state = new State(current, previous, previous == null ? null : clock.instant().plus(gracePeriod));
    }

    /**
     * The secrets of the securityConfig option: the current security_config, optionally followed by a comma and the
     * previous one (base64 never holds a comma).
     *
     * @throws IllegalArgumentException when there are more than two, or one is not a security_config; the message
     *                                  never quotes a secret
     */
    public static WebhookSecrets parse(String configured, Duration gracePeriod, Clock clock) {
        String[] given = configured == null ? new String[0] : configured.split(",", -1);
        if (given.length > 2) {
            throw new IllegalArgumentException("securityConfig takes the current security_config and at most one"
                    + " previous one, separated by a comma; it holds " + given.length + " values");
        }
        return new WebhookSecrets(given.length > 0 ? given[0] : null, given.length > 1 ? given[1] : null, gracePeriod,
                clock);
    }

    /**
     * Makes the new secret current and keeps the current one as previous for the grace period: no downtime, and
     * messages OKKI signed before the rotation still verify while it retries them.
     */
    public synchronized void rotate(String newSecret) {
        newSecret = normalize(newSecret);
        WebhookCipher.key(newSecret);
        State s = state;
        if (newSecret.equals(s.current)) {
            return;
        }
        state = new State(newSecret, s.current, s.current == null ? null : clock.instant().plus(gracePeriod));
    }

    /**
     * The secret as OKKI issued it: base64 never holds spaces, so a space is a {@code +} that URI decoding turned into
     * one (a secret written into an endpoint URI without RAW(...)), even the first character. Only trailing
     * whitespace (a properties file keeps it) is dropped: a 32-byte key's base64 ends with '=', never with '+'.
     */
    static String normalize(String secret) {
        return secret == null || secret.isBlank() ? null : secret.stripTrailing().replace(' ', '+');
    }

    /** Whether there is a current secret. */
    public boolean isConfigured() {
        return state.current != null;
    }

    /** The secrets to try, current first; the previous one only while its grace period lasts. */
    public List<String> accepted() {
        State s = state;
        List<String> out = new ArrayList<>(2);
        if (s.current != null) {
            out.add(s.current);
        }
        if (s.previous != null && clock.instant().isBefore(s.previousUntil)) {
            out.add(s.previous);
        }
        return out;
    }

    /** The current secret, or null. */
    public String current() {
        return state.current;
    }

    @Override
    public String toString() {
        return "WebhookSecrets[current=" + (state.current == null ? "none" : "***") + ", previous="
                + (state.previous == null ? "none" : "*** until " + state.previousUntil) + "]";
    }
}
