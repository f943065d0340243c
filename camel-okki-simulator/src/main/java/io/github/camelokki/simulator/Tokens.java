package io.github.camelokki.simulator;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * OKKI's OAuth2 side: registered clients and users, the two token endpoints, and checking the bearer token of data
 * calls. Errors are shaped like OKKI's (Laravel Passport) answers, because the component maps them to exceptions.
 */
final class Tokens {

    /** What a bearer token turned out to be. */
    sealed interface Check permits Valid, Invalid {
    }

    /** A live token with its module scopes. */
    record Valid(Set<String> scopes) implements Check {
    }

    /** A missing, unknown or expired token. */
    record Invalid() implements Check {
    }

    private record Issued(String clientId, Set<String> scopes, LocalDateTime expiresAt) {
    }

    private record RefreshGrant(String clientId, Set<String> scopes) {
    }

    static final String DEFAULT_CLIENT_ID = "sim-client";
    static final String DEFAULT_CLIENT_SECRET = "sim-secret";

    private final SimClock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> clients = new ConcurrentHashMap<>();
    private final Map<String, String> userPasswordHashes = new ConcurrentHashMap<>();
    private final Map<String, Issued> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Duration lifetime = Duration.ofHours(8);

    Tokens(SimClock clock) {
        this.clock = clock;
        reset();
    }

    void client(String clientId, String clientSecret) {
        clients.put(clientId, clientSecret);
    }

    /** Registers a user; the password grant must then send the lowercase hex SHA-256 of this password. */
    void user(String username, String plainPassword) {
        userPasswordHashes.put(username, Sha256.hex(plainPassword));
    }

    void lifetime(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Makes every access token issued so far answer 401; refresh tokens keep working, as after a real expiry. */
    void expireAll() {
        accessTokens.clear();
    }

    int requests() {
        return requests.get();
    }

    /** The access tokens that answer now. */
    Set<String> validAccessTokens() {
        return Set.copyOf(accessTokens.keySet());
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    void reset() {
        clients.clear();
        userPasswordHashes.clear();
        accessTokens.clear();
        refreshTokens.clear();
        requests.set(0);
        lifetime = Duration.ofHours(8);
        client(DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET);
    }

    /** A token for direct use by tests and examples, as if a client_credentials grant had asked for the scopes. */
    String issue(Set<String> scopes) {
        return String.valueOf(issue(DEFAULT_CLIENT_ID, scopes).get("access_token"));
    }

    Check check(String bearer) {
        Issued issued = bearer == null ? null : accessTokens.get(bearer);
        if (issued == null || !clock.now().isBefore(issued.expiresAt())) {
            return new Invalid();
        }
        return new Valid(issued.scopes());
    }

    /** POST /v1/oauth2/access_token. */
    SimResponse accessToken(SimRequest request) {
        String clientId = request.param("client_id");
        if (!clientMatches(clientId, request.param("client_secret"))) {
            return invalidClient();
        }
        String grantType = request.param("grant_type");
        if ("password".equals(grantType)) {
            String hash = userPasswordHashes.get(String.valueOf(request.param("username")));
            if (hash == null || !hash.equals(request.param("password"))) {
                return error(400, "invalid_grant", "The user credentials were incorrect.",
                        "Check the username and the SHA-256 of the password");
            }
        } else if (!"client_credentials".equals(grantType)) {
            return error(400, "unsupported_grant_type",
                    "The authorization grant type is not supported by the authorization server.",
                    "Check that all required parameters have been provided");
        }
        return SimResponse.json(200, issue(clientId, scopes(request.param("scope"))));
    }

    /** POST /v1/oauth2/refresh_token: trades a refresh token, once, for a new pair with the same scopes. */
    SimResponse refreshToken(SimRequest request) {
        String clientId = request.param("client_id");
        if (!clientMatches(clientId, request.param("client_secret"))) {
            return invalidClient();
        }
        String refreshToken = request.param("refresh_token");
        RefreshGrant grant = refreshToken == null ? null : refreshTokens.remove(refreshToken);
        if (grant == null || !grant.clientId().equals(clientId)) {
            return error(400, "invalid_request", "The refresh token is invalid.",
                    refreshToken == null ? "Check the `refresh_token` parameter" : "Token has been revoked");
        }
        return SimResponse.json(200, issue(clientId, grant.scopes()));
    }

    private Map<String, Object> issue(String clientId, Set<String> scopes) {
        String access = "sim-at-" + randomHex();
        String refresh = "sim-rt-" + randomHex();
        accessTokens.put(access, new Issued(clientId, scopes, clock.now().plus(lifetime)));
        refreshTokens.put(refresh, new RefreshGrant(clientId, scopes));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("token_type", "Bearer");
        answer.put("expires_in", lifetime.toSeconds());
        answer.put("access_token", access);
        answer.put("refresh_token", refresh);
        return answer;
    }

    /** The scopes asked for (space separated); asking for none means all of them, as for an app granted everything. */
    private static Set<String> scopes(String requested) {
        if (requested == null || requested.isBlank()) {
            return ResourceKind.allScopes();
        }
        return Arrays.stream(requested.strip().split("[\\s,]+")).collect(Collectors.toCollection(TreeSet::new));
    }

    private boolean clientMatches(String clientId, String clientSecret) {
        return clientId != null && clientSecret != null && clientSecret.equals(clients.get(clientId));
    }

    private static SimResponse invalidClient() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", "invalid_client");
        body.put("error_description", "Client authentication failed");
        body.put("message", "Client authentication failed");
        return SimResponse.json(401, body);
    }

    private static SimResponse error(int status, String error, String description, String hint) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        body.put("hint", hint);
        body.put("message", description);
        return SimResponse.json(status, body);
    }

    private String randomHex() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
