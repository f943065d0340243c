package io.github.camelokki.okki.internal.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

import io.github.camelokki.okki.api.GrantType;

/**
 * Who asks OKKI for tokens. Endpoints with equal credentials share one token.
 * <p>
 * Holds secrets: {@link #toString()} masks them, and nothing else prints them.
 *
 * @param baseUrl         the API host
 * @param clientId        the app's client id
 * @param clientSecret    the app's client secret
 * @param grantType       which OAuth2 grant to use
 * @param username        the login e-mail for the password grant, else null
 * @param passwordSha256  lowercase hex SHA-256 of the password for the password grant, else null
 * @param fixedScope      the scope the user set, sent as given; null to let the component choose
 * @param defaultLifetime how long a token lives when OKKI does not say
 */
public record Credentials(URI baseUrl, String clientId, String clientSecret, GrantType grantType, String username,
        String passwordSha256, String fixedScope, Duration defaultLifetime) {

    public Credentials {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(grantType, "grantType");
    }

    /** The lowercase hex SHA-256 of a password, which is what OKKI's password grant expects. */
    public static String sha256Hex(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "Credentials[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=xxxxxx, grantType="
                + grantType + (username == null ? "" : ", username=" + username + ", password=xxxxxx")
                + (fixedScope == null ? "" : ", scope=" + fixedScope) + "]";
    }
}
