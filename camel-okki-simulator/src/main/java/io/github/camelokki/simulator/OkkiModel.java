package io.github.camelokki.simulator;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One simulated OKKI, independent of any HTTP server: its clock, OAuth2 clients and tokens, the records of every
 * resource, the webhook and event subscriptions, and the routing of each request to the operation that answers it.
 * An HTTP front end parses a request into a {@link SimRequest}, asks {@link #answer} and sends the
 * {@link SimResponse}: {@link OkkiSimulator} does so on WireMock, {@code LoopbackOkki} on a raw server socket, so
 * both serve exactly the same API. Thread-safe.
 */
public final class OkkiModel {

    /** The client registered from the start (and after {@link #reset}). */
    public static final String DEFAULT_CLIENT_ID = Tokens.DEFAULT_CLIENT_ID;
    public static final String DEFAULT_CLIENT_SECRET = Tokens.DEFAULT_CLIENT_SECRET;

    /** Ids in OKKI are large numbers; starting high keeps simulated ones looking alike and unique across resources. */
    private static final long FIRST_ID = 3_100_000_000L;

    private final SimClock clock = new SimClock();
    private final Tokens tokens = new Tokens(clock);
    private final AtomicLong ids = new AtomicLong(FIRST_ID);
    private final Map<ResourceKind, Records> records = new LinkedHashMap<>();
    private final Webhooks webhooks = new Webhooks();
    private final OkkiApi api;

    public OkkiModel() {
        for (ResourceKind kind : ResourceKind.all()) {
            records.put(kind, new Records(kind, clock, ids));
        }
        api = new OkkiApi(clock, tokens, records::get, webhooks);
    }

    /**
     * OKKI's answer to the request: a token, an operation's envelope, or the HTTP error OKKI sends (404 for an
     * unknown route, 401 for a missing or expired token). A bug of the simulator answers HTTP 500 saying so.
     */
    public SimResponse answer(SimRequest request) {
        try {
            return api.handle(request);
        } catch (RuntimeException bug) {
            // a simulator bug should read as one, not as something OKKI does
            return SimResponse.json(500, Map.of("message", "simulator error: " + bug));
        }
    }

    /** Whether the request goes to one of the two token endpoints, which front ends count and spare from faults. */
    public static boolean isTokenCall(SimRequest request) {
        return OkkiApi.isTokenCall(request);
    }

    /** OKKI's clock. */
    public SimClock clock() {
        return clock;
    }

    /** The records of a resource, by its name in the component's URIs (company, order, supplier, ...). */
    public Records records(String resource) {
        return records.get(ResourceKind.named(resource));
    }

    /** OKKI's webhook and event subscriptions, as webhook/* and subscribe/* calls see and change them. */
    public Webhooks webhook() {
        return webhooks;
    }

    /** Registers (or replaces) a client; {@link #DEFAULT_CLIENT_ID} is registered from the start. */
    public OkkiModel client(String clientId, String clientSecret) {
        tokens.client(clientId, clientSecret);
        return this;
    }

    /** Registers a user for the password grant, which must send the lowercase hex SHA-256 of the password. */
    public OkkiModel user(String username, String plainPassword) {
        tokens.user(username, plainPassword);
        return this;
    }

    /** How long tokens issued from now on live, in simulated time; 8 hours by default. */
    public OkkiModel tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
        return this;
    }

    /** Makes every access token issued so far answer HTTP 401; refresh tokens stay usable. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** A valid access token for the default client with the given module scopes (all of them when none are given). */
    public String issueToken(String... scopes) {
        return tokens.issue(scopes.length == 0 ? ResourceKind.allScopes() : new TreeSet<>(Set.of(scopes)));
    }

    /**
     * Back to a fresh OKKI: no records, no webhook or subscriptions, no tokens, only the default client, 8 hour token
     * lifetime, ids counted from the start again. The clock is left alone.
     */
    public void reset() {
        records.values().forEach(Records::clear);
        webhooks.clear();
        ids.set(FIRST_ID);
        tokens.reset();
    }

    Tokens tokens() {
        return tokens;
    }

    /** Tells the listener of every create, update and delete of any resource's records. */
    void listen(Records.ChangeListener listener) {
        records.values().forEach(kept -> kept.listener(listener));
    }
}
