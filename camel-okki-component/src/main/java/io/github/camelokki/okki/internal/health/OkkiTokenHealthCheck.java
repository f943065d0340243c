package io.github.camelokki.okki.internal.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.github.camelokki.okki.api.OkkiAuthenticationException;
import io.github.camelokki.okki.internal.auth.AccessToken;
import io.github.camelokki.okki.internal.auth.Credentials;
import io.github.camelokki.okki.internal.auth.TokenManager;
import org.apache.camel.CamelContext;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.health.HealthCheckResultBuilder;

/**
 * Readiness of OKKI access: UP when every set of credentials in use holds a valid token or can obtain one; DOWN with
 * OKKI's OAuth2 error (e.g. {@code invalid_client}) otherwise.
 * <p>
 * It does not hammer OKKI: a valid token held is enough, and a token is requested at most once per
 * {@link #setRetryInterval retry interval} for each set of credentials; between attempts the last failure is reported
 * again. Details name the client id, grant type, base URL and token times, never a secret, password or token.
 * <p>
 * Each okki component registers its own check with the context's health-check registry when it starts and removes it
 * when it stops (id {@code okki-tokens}; {@code okki-tokens-2} and so on for further okki components of one context);
 * it covers the credentials of that component's endpoints.
 */
public class OkkiTokenHealthCheck implements HealthCheck {

    public static final String ID = "okki-tokens";
    public static final String CREDENTIALS_COUNT = "okki.credentials";

    private final String id;
    private final Supplier<Collection<TokenManager>> tokenManagers;
    private boolean enabled = true;
    private Duration retryInterval = Duration.ofSeconds(30);
    private Clock clock = Clock.systemUTC();
    /** The last failed attempt per credentials, reported again until the retry interval has passed. */
    private final Map<Credentials, Failure> failures = new ConcurrentHashMap<>();

    private record Failure(Instant at, RuntimeException error) {
    }

    /**
     * @param id            the check's id
     * @param tokenManagers the token managers of the component's credentials, as they are when the check is called
     */
    public OkkiTokenHealthCheck(String id, Supplier<Collection<TokenManager>> tokenManagers) {
        this.id = id;
        this.tokenManagers = tokenManagers;
    }

    /**
     * Registers a check over the given token managers with the context's health-check registry, under the first free
     * id of {@code okki-tokens}, {@code okki-tokens-2}, ...; null when the context has no registry (no camel-health).
     */
    public static OkkiTokenHealthCheck register(CamelContext context,
            Supplier<Collection<TokenManager>> tokenManagers) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry == null) {
            return null;
        }
        String id = ID;
        for (int n = 2; registry.getCheck(id).isPresent(); n++) {
            id = ID + "-" + n;
        }
        OkkiTokenHealthCheck check = new OkkiTokenHealthCheck(id, tokenManagers);
        registry.register(check);
        return check;
    }

    /** Removes the check from the context's registry. */
    public void unregister(CamelContext context) {
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        if (registry != null) {
            registry.unregister(this);
        }
    }

    @Override
    public Result call(Map<String, Object> options) {
        HealthCheckResultBuilder builder = HealthCheckResultBuilder.on(this);
        builder.detail(CHECK_KIND, Kind.READINESS);
        if (!enabled) {
            builder.message("Disabled");
            builder.detail(CHECK_ENABLED, false);
            return builder.unknown().build();
        }
        List<TokenManager> managers = List.copyOf(tokenManagers.get());
        builder.detail(CREDENTIALS_COUNT, managers.size());
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (TokenManager manager : managers) {
            String prefix = "okki." + index++ + ".";
            Credentials credentials = manager.credentials();
            builder.detail(prefix + "client.id", credentials.clientId());
            builder.detail(prefix + "grant.type", credentials.grantType().name());
            builder.detail(prefix + "base.url", credentials.baseUrl().toString());
            RuntimeException error = check(manager);
            AccessToken token = manager.currentToken();
            if (token != null) {
                builder.detail(prefix + "token.issued.at", token.issuedAt().toString());
                builder.detail(prefix + "token.expires.at", token.expiresAt().toString());
            }
            builder.detail(prefix + "tokens.issued", manager.tokensIssued());
            if (error != null) {
                String code = error instanceof OkkiAuthenticationException auth && auth.getError() != null
                        ? auth.getError() : ConsumerStats.describe(error);
                builder.detail(prefix + "error", code);
                problems.add("client " + credentials.clientId() + ": " + code);
                if (builder.error() == null) {
                    builder.error(error);
                }
            }
        }
        if (problems.isEmpty()) {
            builder.message(managers.isEmpty() ? "No okki endpoint uses OKKI yet" : "OKKI issues access tokens");
            return builder.up().build();
        }
        builder.message("OKKI refused or failed to issue an access token (" + String.join("; ", problems) + ")");
        return builder.down().build();
    }

    /** Null when the manager holds or obtains a valid token; else why not. */
    private RuntimeException check(TokenManager manager) {
        Instant now = clock.instant();
        AccessToken token = manager.currentToken();
        if (token != null && now.isBefore(token.expiresAt())) {
            failures.remove(manager.credentials());
            return null;
        }
        Failure last = failures.get(manager.credentials());
        if (last != null && now.isBefore(last.at().plus(retryInterval))) {
            return last.error();
        }
        try {
            manager.token(null);
            failures.remove(manager.credentials());
            return null;
        } catch (RuntimeException e) {
            failures.put(manager.credentials(), new Failure(now, e));
            return e;
        }
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** How long a failed token request is reported again before the next attempt; 30 seconds by default. */
    public Duration getRetryInterval() {
        return retryInterval;
    }

    public void setRetryInterval(Duration retryInterval) {
        this.retryInterval = retryInterval;
    }

    /** The clock attempts are timed with; tests may replace it. */
    public void setClock(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String getGroup() {
        return "camel";
    }

    @Override
    public String getId() {
        return id;
    }
}
