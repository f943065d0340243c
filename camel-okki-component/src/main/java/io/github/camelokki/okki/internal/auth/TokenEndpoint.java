package io.github.camelokki.okki.internal.auth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelokki.okki.api.GrantType;
import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.api.OkkiAuthenticationException;
import io.github.camelokki.okki.internal.catalog.HttpMethod;
import io.github.camelokki.okki.internal.json.Envelope;
import io.github.camelokki.okki.internal.json.OkkiJson;
import io.github.camelokki.okki.internal.transport.HttpRequestSpec;
import io.github.camelokki.okki.internal.transport.HttpResponseData;
import io.github.camelokki.okki.internal.transport.HttpTransport;
import io.github.camelokki.okki.internal.transport.RetryPolicy;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * OKKI's two OAuth2 calls: {@code /v1/oauth2/access_token} and {@code /v1/oauth2/refresh_token}, form-encoded.
 * Token requests change nothing on the server, so they are retried like reads.
 */
public final class TokenEndpoint {

    static final String ACCESS_TOKEN_PATH = "/v1/oauth2/access_token";
    static final String REFRESH_TOKEN_PATH = "/v1/oauth2/refresh_token";
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    private final HttpTransport transport;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Clock clock;

    public TokenEndpoint(HttpTransport transport, RetryPolicy retry, Duration timeout, Clock clock) {
        this.transport = transport;
        this.retry = retry.forRepeatable();
        this.timeout = timeout;
        this.clock = clock;
    }

    /** Logs in with the credentials' grant, asking for the given module scopes (or the user's fixed scope). */
    AccessToken login(Credentials credentials, Set<String> scopes) {
        List<NameValuePair> form = new ArrayList<>();
        form.add(new BasicNameValuePair("grant_type", credentials.grantType().name()));
        form.add(new BasicNameValuePair("client_id", credentials.clientId()));
        form.add(new BasicNameValuePair("client_secret", credentials.clientSecret()));
        if (credentials.grantType() == GrantType.password) {
            form.add(new BasicNameValuePair("username", credentials.username()));
            form.add(new BasicNameValuePair("password", credentials.passwordSha256()));
        }
        form.add(new BasicNameValuePair("scope",
                credentials.fixedScope() != null ? credentials.fixedScope() : String.join(" ", scopes)));
        return request(credentials, ACCESS_TOKEN_PATH, form, credentials.fixedScope() != null ? Set.of() : scopes);
    }

    /** Trades the previous token's refresh token for a new token with the same scopes. */
    AccessToken refresh(Credentials credentials, AccessToken previous) {
        List<NameValuePair> form = List.of(
                new BasicNameValuePair("grant_type", "refresh_token"),
                new BasicNameValuePair("refresh_token", previous.refreshToken()),
                new BasicNameValuePair("client_id", credentials.clientId()),
                new BasicNameValuePair("client_secret", credentials.clientSecret()));
        AccessToken token = request(credentials, REFRESH_TOKEN_PATH, form, previous.scopes());
        if (token.refreshToken() == null) {
            // RFC 6749 section 6: without a new refresh token in the answer, the previous one stays valid
            return new AccessToken(token.value(), previous.refreshToken(), token.issuedAt(), token.expiresAt(),
                    token.scopes());
        }
        return token;
    }

    private AccessToken request(Credentials credentials, String path, List<NameValuePair> form, Set<String> scopes) {
        URI uri = credentials.baseUrl().resolve(path);
        byte[] body = WWWFormCodec.format(form, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
        HttpResponseData response = transport.send(new HttpRequestSpec(HttpMethod.POST, uri, null, FORM, body), retry,
                timeout);
        Map<?, ?> json = Envelope.readObject(response, "POST " + path);
        Object token = json.get("access_token");
        if (response.isSuccess() && token instanceof String value && !value.isEmpty()) {
            Instant now = clock.instant();
            Object refresh = json.get("refresh_token");
            return new AccessToken(value, refresh instanceof String r && !r.isEmpty() ? r : null, now,
                    expiry(now, json.get("expires_in"), value, credentials.defaultLifetime()), scopes);
        }
        Object error = json.get("error");
        if (error != null || response.status() == 400 || response.status() == 401) {
            throw new OkkiAuthenticationException(response.status(), error == null ? null : error.toString(),
                    text(json.get("error_description") != null ? json.get("error_description") : json.get("message")),
                    text(json.get("hint")));
        }
        Envelope envelope = Envelope.decode(response, path);
        throw new OkkiApiException("POST " + path, response.status(), envelope.code(),
                envelope.message() != null ? envelope.message() : "no access_token in the answer", envelope.now());
    }

    /**
     * When the token expires: {@code expires_in} when OKKI sent it; else the JWT's own {@code exp} claim (OKKI's tokens
     * are JWTs); else the configured lifetime.
     */
    static Instant expiry(Instant now, Object expiresIn, String token, Duration defaultLifetime) {
        if (expiresIn instanceof Number n && n.longValue() > 0) {
            return now.plusSeconds(n.longValue());
        }
        if (expiresIn instanceof String s && s.strip().matches("\\d+") && Long.parseLong(s.strip()) > 0) {
            return now.plusSeconds(Long.parseLong(s.strip()));
        }
        Instant exp = jwtExpiry(token);
        return exp != null ? exp : now.plus(defaultLifetime);
    }

    private static Instant jwtExpiry(String token) {
        // limit -1 keeps the empty signature of an unsecured JWT ("header.payload.", RFC 7519 section 6.1)
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return null;
        }
        try {
            Map<?, ?> claims = OkkiJson.mapper().readValue(Base64.getUrlDecoder().decode(parts[1]), Map.class);
            return claims.get("exp") instanceof Number exp ? Instant.ofEpochMilli((long) (exp.doubleValue() * 1000)) : null;
        } catch (Exception notAJwt) {
            return null;
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
