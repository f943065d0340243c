package io.github.camelokki.okki.internal.auth;

import java.time.Instant;
import java.util.Set;

/**
 * A token OKKI issued. {@link #toString()} never shows the token values.
 *
 * @param value        the bearer token
 * @param refreshToken the refresh token (password grant), or null
 * @param issuedAt     when the component received it
 * @param expiresAt    when it stops working
 * @param scopes       the module scopes it was requested with; empty when the user's own scope string was used
 */
public record AccessToken(String value, String refreshToken, Instant issuedAt, Instant expiresAt, Set<String> scopes) {

    public AccessToken {
        scopes = Set.copyOf(scopes);
    }

    public String authorization() {
        return "Bearer " + value;
    }

    /** The same token, marked as no longer usable (expiring when it was issued), keeping its refresh token. */
    public AccessToken withdrawn() {
        return new AccessToken(value, refreshToken, issuedAt, issuedAt, scopes);
    }

    @Override
    public String toString() {
        return "AccessToken[issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + ", scopes=" + scopes
                + (refreshToken == null ? "" : ", refreshable") + "]";
    }
}
