package io.github.camelokki.okki.internal.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import io.github.camelokki.okki.api.GrantType;
import io.github.camelokki.okki.api.OkkiAuthenticationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one valid token for one set of credentials, shared by every endpoint that uses them.
 * <p>
 * Reads take the current token without locking; only obtaining a token is serialised, so any number of concurrent
 * first calls cause one token request. A token is renewed shortly before it expires (by refresh for the password
 * grant, falling back to a fresh login when the refresh is refused), when OKKI rejects it, and when a call needs a
 * module scope it was not requested with.
 */
public final class TokenManager {

    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    /** Renew this long before expiry, so a token never dies in flight. */
    static final Duration RENEW_BEFORE = Duration.ofSeconds(60);

    private final Credentials credentials;
    private final TokenEndpoint endpoint;
    private final Clock clock;
    private final Set<String> scopes = new ConcurrentSkipListSet<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicLong tokensIssued = new AtomicLong();
    private volatile AccessToken current;

    public TokenManager(Credentials credentials, TokenEndpoint endpoint, Clock clock) {
        this.credentials = credentials;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    /** Adds a module scope the next token is requested with; endpoints call this when they start. */
    public void requireScope(String scope) {
        if (scope != null) {
            scopes.add(scope);
        }
    }

    /**
     * A token that is valid now and covers the scope.
     *
     * @param scope the module scope of the call, or null
     * @throws OkkiAuthenticationException when OKKI refuses the credentials
     */
    public AccessToken token(String scope) {
        AccessToken token = current;
        if (usable(token, scope)) {
            return token;
        }
        lock.lock();
        try {
            token = current;
            if (usable(token, scope)) {
                return token;
            }
            requireScope(scope);
            boolean widen = token != null && !covers(token, scope);
            current = obtain(token, widen);
            tokensIssued.incrementAndGet();
            return current;
        } finally {
            lock.unlock();
        }
    }

    /** OKKI rejected this token (HTTP 401): the next {@link #token} obtains another, unless one already did. */
    public void invalidate(AccessToken rejected) {
        lock.lock();
        try {
            if (current == rejected && rejected != null) {
                LOG.debug("OKKI rejected the access token issued at {}; renewing it", rejected.issuedAt());
                current = rejected.withdrawn();
            }
        } finally {
            lock.unlock();
        }
    }

    private AccessToken obtain(AccessToken previous, boolean widen) {
        if (credentials.grantType() == GrantType.password && previous != null && previous.refreshToken() != null
                && !widen) {
            try {
                AccessToken refreshed = endpoint.refresh(credentials, previous);
                LOG.debug("Refreshed the OKKI access token; it expires at {}", refreshed.expiresAt());
                return refreshed;
            } catch (OkkiAuthenticationException refused) {
                LOG.info("OKKI refused to refresh the access token ({}); logging in again", refused.getError());
            }
        }
        Set<String> wanted = new TreeSet<>(scopes);
        AccessToken token = endpoint.login(credentials, wanted);
        LOG.debug("Obtained an OKKI access token for scopes {}; it expires at {}",
                credentials.fixedScope() != null ? credentials.fixedScope() : wanted, token.expiresAt());
        return token;
    }

    private boolean usable(AccessToken token, String scope) {
        return token != null && covers(token, scope) && clock.instant().isBefore(renewAt(token));
    }

    private boolean covers(AccessToken token, String scope) {
        return scope == null || credentials.fixedScope() != null || token.scopes().contains(scope);
    }

    private static Instant renewAt(AccessToken token) {
        Duration lifetime = Duration.between(token.issuedAt(), token.expiresAt());
        Duration margin = lifetime.dividedBy(2).compareTo(RENEW_BEFORE) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
        return token.expiresAt().minus(margin);
    }

    /** The token held now, or null; for health checks and consoles. */
    public AccessToken currentToken() {
        return current;
    }

    /** How many tokens this manager obtained (logins and refreshes). */
    public long tokensIssued() {
        return tokensIssued.get();
    }

    public Set<String> requiredScopes() {
        return Set.copyOf(scopes);
    }

    public Credentials credentials() {
        return credentials;
    }
}
