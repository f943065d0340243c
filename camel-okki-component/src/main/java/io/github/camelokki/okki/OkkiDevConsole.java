package io.github.camelokki.okki;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.github.camelokki.okki.internal.auth.AccessToken;
import io.github.camelokki.okki.internal.auth.Credentials;
import io.github.camelokki.okki.internal.auth.TokenManager;
import io.github.camelokki.okki.internal.health.ConsumerStats;
import io.github.camelokki.okki.internal.sync.ServerTime;
import org.apache.camel.spi.annotations.DevConsole;
import org.apache.camel.support.console.AbstractDevConsole;
import org.apache.camel.util.TimeUtils;
import org.apache.camel.util.URISupport;
import org.apache.camel.util.json.JsonArray;
import org.apache.camel.util.json.JsonObject;

/**
 * The {@code okki} dev console: per set of credentials the client id, grant type, scopes, the current token's age and
 * time to expiry (never its value) and how many tokens were issued; per polling consumer the sanitized endpoint URI,
 * watermark, counters and how the last poll ended.
 */
@DevConsole(name = "okki", displayName = "OKKI CRM", description = "OKKI tokens and polling consumers")
public class OkkiDevConsole extends AbstractDevConsole {

    public OkkiDevConsole() {
        super("camel", "okki", "OKKI CRM", "OKKI tokens and polling consumers");
    }

    @Override
    protected String doCallText(Map<String, Object> options) {
        StringBuilder sb = new StringBuilder();
        Instant now = Instant.now();
        List<TokenManager> managers = tokenManagers();
        sb.append(String.format("Tokens (%d credentials):%n", managers.size()));
        for (TokenManager manager : managers) {
            Credentials c = manager.credentials();
            sb.append(String.format("    Client: %s (%s) at %s%n", c.clientId(), c.grantType(), c.baseUrl()));
            sb.append(String.format("        Scopes requested: %s%n", scopes(manager)));
            AccessToken token = manager.currentToken();
            if (token == null) {
                sb.append(String.format("        Token: none%n"));
            } else {
                sb.append(String.format("        Token: age %s, %s, scopes %s%n",
                        TimeUtils.printDuration(Duration.between(token.issuedAt(), now), true),
                        now.isBefore(token.expiresAt())
                                ? "expires in " + TimeUtils.printDuration(Duration.between(now, token.expiresAt()), true)
                                : "expired",
                        new TreeSet<>(token.scopes())));
            }
            sb.append(String.format("        Tokens issued: %d%n", manager.tokensIssued()));
        }
        List<OkkiPollingConsumer> consumers = consumers();
        sb.append(String.format("%nPolling consumers (%d):%n", consumers.size()));
        for (OkkiPollingConsumer consumer : consumers) {
            ConsumerStats stats = consumer.getStats();
            sb.append(String.format("    Route: %s%n", consumer.getRouteId()));
            sb.append(String.format("        Endpoint: %s%n", uri(consumer)));
            sb.append(String.format("        Watermark: %s%n", watermark(consumer, "none")));
            sb.append(String.format("        Polls: %d (failed: %d)%n", stats.polls(), stats.failedPolls()));
            sb.append(String.format("        Records delivered: %d%n", stats.recordsDelivered()));
            sb.append(String.format("        Failed deliveries: %d%n", stats.failedDeliveries()));
            sb.append(String.format("        Last poll: %s%s%n", stats.lastPollResult(),
                    stats.lastPollEnded() == null ? "" : " at " + stats.lastPollEnded()));
            if (stats.lastSuccess() != null) {
                sb.append(String.format("        Last success: %s%n", stats.lastSuccess()));
            }
            if (stats.lastFailure() != null) {
                sb.append(String.format("        Last failure: %s (%s)%n", stats.lastFailure(), stats.lastError()));
            }
        }
        return sb.toString();
    }

    @Override
    protected Map<String, Object> doCallJson(Map<String, Object> options) {
        JsonObject root = new JsonObject();
        Instant now = Instant.now();
        JsonArray tokens = new JsonArray();
        for (TokenManager manager : tokenManagers()) {
            Credentials c = manager.credentials();
            JsonObject jo = new JsonObject();
            jo.put("clientId", c.clientId());
            jo.put("grantType", c.grantType().name());
            jo.put("baseUrl", c.baseUrl().toString());
            jo.put("scopesRequested", new JsonArray(new ArrayList<>(scopesList(manager))));
            jo.put("tokensIssued", manager.tokensIssued());
            AccessToken token = manager.currentToken();
            if (token != null) {
                JsonObject t = new JsonObject();
                t.put("issuedAt", token.issuedAt().toString());
                t.put("expiresAt", token.expiresAt().toString());
                t.put("ageMillis", Duration.between(token.issuedAt(), now).toMillis());
                t.put("expiresInMillis", Math.max(0, Duration.between(now, token.expiresAt()).toMillis()));
                t.put("valid", now.isBefore(token.expiresAt()));
                t.put("scopes", new JsonArray(new ArrayList<>(new TreeSet<>(token.scopes()))));
                t.put("refreshable", token.refreshToken() != null);
                jo.put("token", t);
            }
            tokens.add(jo);
        }
        root.put("tokens", tokens);
        JsonArray consumers = new JsonArray();
        for (OkkiPollingConsumer consumer : consumers()) {
            ConsumerStats stats = consumer.getStats();
            JsonObject jo = new JsonObject();
            jo.put("routeId", consumer.getRouteId());
            jo.put("uri", uri(consumer));
            jo.put("watermark", watermark(consumer, null));
            jo.put("polls", stats.polls());
            jo.put("failedPolls", stats.failedPolls());
            jo.put("recordsDelivered", stats.recordsDelivered());
            jo.put("failedDeliveries", stats.failedDeliveries());
            jo.put("lastPollResult", stats.lastPollResult());
            putTime(jo, "lastPollTime", stats.lastPollEnded());
            putTime(jo, "lastSuccessTime", stats.lastSuccess());
            putTime(jo, "lastFailureTime", stats.lastFailure());
            if (stats.lastError() != null) {
                jo.put("lastError", stats.lastError());
            }
            consumers.add(jo);
        }
        root.put("consumers", consumers);
        return root;
    }

    private static void putTime(JsonObject jo, String key, Instant time) {
        if (time != null) {
            jo.put(key, time.toString());
        }
    }

    private static String uri(OkkiPollingConsumer consumer) {
        return URISupport.sanitizeUri(consumer.getEndpoint().getEndpointUri());
    }

    private static String watermark(OkkiPollingConsumer consumer, String none) {
        LocalDateTime mark = consumer.getWatermark();
        return mark == null ? none : ServerTime.format(mark);
    }

    private static String scopes(TokenManager manager) {
        return String.join(" ", scopesList(manager));
    }

    private static List<String> scopesList(TokenManager manager) {
        String fixed = manager.credentials().fixedScope();
        return fixed != null ? List.of(fixed.split("\\s+")) : new ArrayList<>(new TreeSet<>(manager.requiredScopes()));
    }

    private List<TokenManager> tokenManagers() {
        return components().stream().flatMap(okki -> okki.getTokenManagers().values().stream()).toList();
    }

    /**
     * The running polling consumers. Asked of the components rather than the routes: under master: a route's consumer
     * is the master's, which starts the okki one only on the leader.
     */
    private List<OkkiPollingConsumer> consumers() {
        return components().stream().flatMap(okki -> okki.getPollingConsumers().stream()).toList();
    }

    /** Every started okki component of the context, whatever name it was added under. */
    private List<OkkiComponent> components() {
        return RunningComponents.of(getCamelContext()).started();
    }
}
