package io.github.camelokki.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A stateful stand-in for the OKKI Open API on 127.0.0.1: OAuth2 tokens with lifetimes and scopes, in-memory records
 * for the list/info/push/remove operations of OKKI's resources, the webhook and event subscriptions, a controllable
 * clock and injectable faults. The API is the {@link OkkiModel}'s; this class serves it over WireMock, which adds
 * the low level faults, and pushes record changes to the webhook.
 * <p>
 * Typical use:
 * <pre>{@code
 * try (OkkiSimulator sim = OkkiSimulator.start()) {
 *     sim.records("company").seed(50);
 *     // point the okki component at sim.baseUrl() with client "sim-client" / "sim-secret"
 * }
 * }</pre>
 * All methods are thread-safe; the HTTP side serves concurrent requests.
 */
public final class OkkiSimulator implements AutoCloseable {

    private final OkkiModel model = new OkkiModel();
    private final Faults faults = new Faults();
    private final EventPushes pushes = new EventPushes(model.webhook());
    private final SimulatorTransformer transformer;
    private final WireMockServer server;

    private OkkiSimulator(int port) {
        model.listen(pushes::changed);
        transformer = new SimulatorTransformer(model, faults);
        server = new WireMockServer(wireMockConfig()
                .bindAddress("127.0.0.1")
                .port(port)
                .containerThreads(64)
                // delayed (SLOW) answers wait off the request threads
                .asynchronousResponseEnabled(true)
                .asynchronousResponseThreads(16)
                // a long sync run would otherwise keep every request in memory
                .disableRequestJournal()
                // compressed bodies would hide TRUNCATED_JSON's cut from clients that decompress
                .gzipDisabled(true)
                .notifier(new Slf4jNotifier(false))
                .extensions(transformer));
        server.stubFor(any(anyUrl()).willReturn(ok()));
    }

    /** Starts a simulator on a free port. */
    public static OkkiSimulator start() {
        return start(0);
    }

    /** Starts a simulator on the given port (0 for a free one). */
    public static OkkiSimulator start(int port) {
        OkkiSimulator simulator = new OkkiSimulator(port);
        simulator.server.start();
        return simulator;
    }

    /**
     * Runs a simulator on its own for trying the examples by hand: port from the first argument (default 8089), a
     * few dozen records of every resource, stopped with Ctrl-C.
     */
    public static void main(String[] args) {
        OkkiSimulator simulator = start(args.length > 0 ? Integer.parseInt(args[0]) : 8089);
        ResourceKind.all().forEach(kind -> simulator.records(kind.name()).seed(30));
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop));
        System.out.println("OKKI simulator at " + simulator.baseUrl() + ", client " + OkkiModel.DEFAULT_CLIENT_ID
                + " / " + OkkiModel.DEFAULT_CLIENT_SECRET);
    }

    /** Where the API is served, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    /**
     * The OKKI this front end serves. A {@code LoopbackOkki} built over it ({@code LoopbackOkki.builder().model(...)})
     * serves the same records, clients, tokens and clock.
     */
    public OkkiModel model() {
        return model;
    }

    public void stop() {
        pushes.close();
        server.stop();
    }

    @Override
    public void close() {
        stop();
    }

    // --- credentials and tokens ---

    /** Registers (or replaces) a client; "sim-client" / "sim-secret" is registered from the start. */
    public OkkiSimulator client(String clientId, String clientSecret) {
        model.client(clientId, clientSecret);
        return this;
    }

    /** Registers a user for the password grant, which must send the lowercase hex SHA-256 of the password. */
    public OkkiSimulator user(String username, String plainPassword) {
        model.user(username, plainPassword);
        return this;
    }

    /** How long tokens issued from now on live, in simulated time; 8 hours by default. */
    public OkkiSimulator tokenLifetime(Duration lifetime) {
        model.tokenLifetime(lifetime);
        return this;
    }

    /** Makes every access token issued so far answer HTTP 401; refresh tokens stay usable. */
    public void expireTokens() {
        model.expireTokens();
    }

    /** Access and refresh token calls received so far, failed ones included. */
    public int tokenRequests() {
        return model.tokens().requests();
    }

    /**
     * The access tokens issued to clients that answer now (not expired by {@link #expireTokens()} or a reset): a test
     * can check that the token its application holds shows up nowhere it should not.
     */
    public Set<String> accessTokens() {
        return model.tokens().validAccessTokens();
    }

    /** A valid access token for the default client with the given module scopes (all of them when none are given). */
    public String issueToken(String... scopes) {
        return model.issueToken(scopes);
    }

    // --- time ---

    public SimClock clock() {
        return model.clock();
    }

    public LocalDateTime now() {
        return model.clock().now();
    }

    /** Freezes OKKI's clock at the time; it then moves only through {@link #advance}. */
    public void setNow(LocalDateTime time) {
        model.clock().setNow(time);
    }

    public void advance(Duration duration) {
        model.clock().advance(duration);
    }

    // --- records ---

    /** The records of a resource, by its name in the component's URIs (company, order, supplier, ...). */
    public Records records(String resource) {
        return model.records(resource);
    }

    // --- webhook and subscriptions ---

    /** OKKI's webhook and event subscriptions, as webhook/* and subscribe/* calls see and change them. */
    public Webhooks webhook() {
        return model.webhook();
    }

    /**
     * Whether record changes (create, update, delete, from Java or over HTTP) are pushed to the webhook as OKKI does:
     * for a module subscribed to the event, signed and encrypted with the webhook's security_config, in the background.
     * Off by default, so tests that set up a webhook get only the pushes they send.
     */
    public OkkiSimulator pushEvents(boolean on) {
        pushes.enable(on);
        return this;
    }

    /** Pushes of record changes the receiver answered with HTTP 200. */
    public int eventsPushed() {
        return pushes.delivered();
    }

    /** Pushes of record changes that failed: another answer, or no connection. */
    public int eventPushesFailed() {
        return pushes.failed();
    }

    // --- faults and counters ---

    public Faults faults() {
        return faults;
    }

    /** Data requests received for the path (without query), faulted ones included. */
    public int requestCount(String path) {
        return transformer.requestCount(path);
    }

    /**
     * The parameters (query and form fields) of the latest data requests received for the path, oldest first; at most
     * the last 100 per path, so a test can check what a client asked for, e.g. the start_time of a list.
     */
    public List<Map<String, String>> requests(String path) {
        return transformer.recentParams(path);
    }

    /** Data requests received for all paths. */
    public int requestCount() {
        return transformer.requestCount();
    }

    /**
     * Back to the state of a fresh simulator: no records, no webhook or subscriptions, no pushes, no tokens, only the
     * default client, no faults, zeroed counters, 8 hour token lifetime. The clock is left alone.
     */
    public void reset() {
        pushes.reset();
        faults.off();
        model.reset();
        transformer.resetCounters();
    }
}
