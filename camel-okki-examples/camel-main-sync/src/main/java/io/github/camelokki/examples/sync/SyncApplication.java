package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.state.JdbcStateRepository;
import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.cluster.CamelClusterService;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.support.LifecycleStrategySupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OKKI sync application: Camel Main with the YAML routes under {@code routes/}, its settings read as {@link Settings}
 * says. It talks to the OKKI account whose client id and secret it is given, as {@code camel.component.okki.client-id}
 * / {@code client-secret} (in application.properties, as system properties or as CAMEL_COMPONENT_OKKI_CLIENT_ID /
 * _SECRET) or as OKKI_CLIENT_ID / OKKI_CLIENT_SECRET; with neither it starts an embedded OKKI simulator seeded with
 * customers and orders, so it runs anywhere; with only part of them it refuses to start.
 * <p>
 * With the simulator, the simulator and the application share the webhook secret: the simulator pushes the changes of
 * customers and orders to the application's {@code /okki/events}, changes a few records every minute on its own
 * ({@code okki.simulator.changes.period}, 0 for never) and one on each {@code POST /simulator/changes}.
 */
public final class SyncApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncApplication.class);

    private static final String CLIENT_ID = "camel.component.okki.client-id";
    private static final String CLIENT_SECRET = "camel.component.okki.client-secret";
    private static final String BASE_URL = "camel.component.okki.base-url";
    /** This node's name: in the cluster's election and in the delivery log; pid@host unless set. */
    private static final String NODE_ID = "okki.cluster.node-id";

    /** The routes of the simulator's HTTP trigger, loaded only when the simulator runs. */
    private static final String SIMULATOR_ROUTES = "classpath:simulator-routes/*.camel.yaml";
    /** How long a shutdown waits for {@link #close()} beyond Camel's own stop: far more than closing ever takes. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(30);

    private final Main main;
    private final OkkiSimulator simulator;
    private final SimulatedActivity activity;
    private final HikariDataSource database;
    private final String webhookSecret;
    private final AtomicBoolean closing = new AtomicBoolean();
    private final CountDownLatch closed = new CountDownLatch(1);

    private SyncApplication(Main main, OkkiSimulator simulator, SimulatedActivity activity,
                            HikariDataSource database, String webhookSecret) {
        this.main = main;
        this.simulator = simulator;
        this.activity = activity;
        this.database = database;
        this.webhookSecret = webhookSecret;
    }

    public static void main(String[] args) throws Exception {
        SyncApplication app = create(System.getenv(), new Properties());
        // On Ctrl-C Camel Main's own shutdown hook stops the context, and the JVM ends once the hooks return. This one
        // keeps it up until close() has run as well, so the stop is logged to the end and the database is closed
        // only after the consumers stored their last watermark (log4j2.properties turns log4j's own hook off, which
        // would otherwise stop logging before Camel says anything).
        Runtime.getRuntime().addShutdownHook(new Thread(app::awaitClosed, "okki-sync-stop"));
        app.run(args);
    }

    /**
     * Prepares the application (not yet started).
     *
     * @param env       the environment: OKKI_CLIENT_ID, OKKI_CLIENT_SECRET, OKKI_BASE_URL, OKKI_WEBHOOK_SECRET, and any
     *                  setting in Camel's form (OKKI_DB_URL, CAMEL_COMPONENT_OKKI_CLIENT_ID, ...)
     * @param overrides properties that win over everything else (tests set ports, delays and folders)
     * @throws IllegalArgumentException when the OKKI connection is half set, naming what is missing, or a cluster
     *                                  setting is wrong (see {@link Clustering})
     */
    public static SyncApplication create(Map<String, String> env, Properties overrides) throws Exception {
        Settings settings = Settings.load(env, overrides);
        Properties props = settings.resolved();
        String clientId = Settings.firstSet(settings.get(CLIENT_ID), env.get("OKKI_CLIENT_ID"));
        String clientSecret = Settings.firstSet(settings.get(CLIENT_SECRET), env.get("OKKI_CLIENT_SECRET"));
        String baseUrl = Settings.firstSet(settings.get(BASE_URL), env.get("OKKI_BASE_URL"));
        boolean live = requireWholeConnection(clientId, clientSecret, baseUrl);
        // before anything is started: a wrong cluster setting stops the start with its message
        String nodeId = settings.get(NODE_ID, ManagementFactory.getRuntimeMXBean().getName());
        props.setProperty(NODE_ID, nodeId);
        CamelClusterService cluster = Clustering.service(settings, nodeId);
        String webhookSecret = Settings.firstSet(settings.get("okki.webhook.secret"), env.get("OKKI_WEBHOOK_SECRET"));
        OkkiSimulator simulator = null;
        if (live) {
            String target = baseUrl != null ? baseUrl : new OkkiConfiguration().getBaseUrl();
            props.setProperty(CLIENT_ID, clientId);
            props.setProperty(CLIENT_SECRET, clientSecret);
            props.setProperty(BASE_URL, target);
            LOG.info("Syncing the OKKI account of client {} at {}{}", clientId, target,
                    baseUrl != null ? "" : " (OKKI's production host)");
        } else {
            simulator = OkkiSimulator.start();
            simulator.records("company").seed(25);
            simulator.records("order").seed(40);
            LOG.info("No OKKI client id and secret: syncing the embedded OKKI simulator at {} (25 customers,"
                    + " 40 sales orders)", simulator.baseUrl());
            props.setProperty(BASE_URL, simulator.baseUrl());
            props.setProperty(CLIENT_ID, "sim-client");
            props.setProperty(CLIENT_SECRET, "sim-secret");
            if (webhookSecret == null) {
                webhookSecret = OkkiEventPusher.newSecurityConfig();
            }
            pushToApplication(simulator, settings, webhookSecret);
            props.setProperty("camel.main.routes-include-pattern",
                    settings.get("camel.main.routes-include-pattern") + "," + SIMULATOR_ROUTES);
        }
        if (webhookSecret == null) {
            LOG.warn("No OKKI_WEBHOOK_SECRET: the okki-events route stays stopped");
            props.setProperty("okki.events.enabled", "false");
        } else {
            props.setProperty("okki.webhook.secret", webhookSecret);
        }
        HikariDataSource database = pool(settings);
        createTables(database);

        Main main = new Main();
        main.setOverrideProperties(props);
        main.bind("okkiDb", database);
        main.bind("okkiState", new JdbcStateRepository(database));
        main.bind("okkiKeys", new JdbcMessageIdRepository(database, "okki-sync"));
        main.bind("leadIntake", new LeadIntake(database));
        main.bind("syncedData", new SyncedData(database));
        if (cluster != null) {
            // Camel Main adds the cluster services it finds in the registry to the context, which starts them
            main.bind("okkiCluster", cluster);
        }
        main.bind("leaderOnly", Clustering.leaderOnly(cluster));
        SimulatedActivity activity = simulator == null ? null : new SimulatedActivity(simulator);
        if (activity != null) {
            main.bind("simulatedActivity", activity);
        }
        long period = Long.parseLong(settings.get("okki.simulator.changes.period", "60000"));
        int count = Integer.parseInt(settings.get("okki.simulator.changes.count", "2"));
        // a lifecycle strategy rather than a MainListener: Camel calls it however the context is started (run() or
        // start(), as the tests do)
        main.bind("syncLifecycle", new LifecycleStrategySupport() {
            // Camel loads the dev consoles before the start and again while starting: restricted after each
            @Override
            public void onContextStarting(CamelContext context) {
                DevConsoles.restrict(context);
            }

            @Override
            public void onContextStarted(CamelContext context) {
                DevConsoles.restrict(context);
                // once the events route listens, so that no push of the simulator's is refused
                if (activity != null && period > 0) {
                    activity.start(Duration.ofMillis(period), count);
                }
            }

            @Override
            public void onContextStopping(CamelContext context) {
                // no more pushes to routes that are stopping
                if (activity != null) {
                    activity.close();
                }
            }
        });
        return new SyncApplication(main, simulator, activity, database, webhookSecret);
    }

    /**
     * Sets up the simulator's webhook as OKKI's would be after webhook/create: the application's callback URL, the
     * secret okki:events verifies with, customers and orders subscribed; then the simulator pushes their changes.
     */
    private static void pushToApplication(OkkiSimulator simulator, Settings settings, String webhookSecret) {
        String callback = "http://127.0.0.1:" + settings.get("camel.server.port", "8080") + "/okki/events";
        simulator.webhook().configure(callback, webhookSecret);
        for (String resource : SimulatedActivity.RESOURCES) {
            String module = "crm." + resource;
            simulator.webhook().subscribe(module, "xiaoman." + module + ".create", "xiaoman." + module + ".update",
                    "xiaoman." + module + ".delete");
        }
        simulator.pushEvents(true);
        LOG.info("The simulator pushes the events of customers and orders to {}", callback);
    }

    /**
     * Whether a real account is configured: a client id and secret, with or without a base URL. Neither (and no base
     * URL) means the embedded simulator; anything in between would send one account's settings to another target, so
     * it stops the start.
     */
    private static boolean requireWholeConnection(String clientId, String clientSecret, String baseUrl) {
        if (clientId != null && clientSecret != null) {
            return true;
        }
        if (clientId != null || clientSecret != null) {
            String given = clientId != null ? "a client id" : "a client secret";
            String missing = clientId != null ? "client-secret (or OKKI_CLIENT_SECRET)" : "client-id (or OKKI_CLIENT_ID)";
            throw new IllegalArgumentException("The OKKI connection is half set: " + given + " but no"
                    + " camel.component.okki." + missing + ". Set both to sync a real OKKI account, or neither to sync"
                    + " the embedded simulator.");
        }
        if (baseUrl != null) {
            throw new IllegalArgumentException("The OKKI connection is half set: a base URL (" + baseUrl + ") but no"
                    + " client id and secret. Set camel.component.okki.client-id and client-secret (or OKKI_CLIENT_ID"
                    + " and OKKI_CLIENT_SECRET) for the account there, or remove the base URL to sync the embedded"
                    + " simulator.");
        }
        return false;
    }

    /**
     * A pooled DataSource: H2 keeps a file database open between statements instead of closing and compacting it
     * after each, and PostgreSQL connections are reused.
     */
    private static HikariDataSource pool(Settings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("okki-sync");
        config.setJdbcUrl(settings.get("okki.db.url"));
        config.setUsername(settings.get("okki.db.user"));
        config.setPassword(settings.get("okki.db.password", ""));
        config.setMaximumPoolSize(Integer.parseInt(settings.get("okki.db.pool-size", "4")));
        return new HikariDataSource(config);
    }

    /** How often a statement of schema.sql is tried when another node creates the same table at the same moment. */
    private static final int SCHEMA_ATTEMPTS = 3;

    /**
     * Runs schema.sql: plain CREATE TABLE IF NOT EXISTS statements, which H2 and PostgreSQL both run. Nodes of a
     * cluster start at the same time: PostgreSQL's IF NOT EXISTS is not atomic, so one of two concurrent creations of
     * a table fails on a catalog unique index (pg_type); the statement is then run again and finds the table.
     */
    private static void createTables(DataSource database) throws IOException, SQLException {
        String script;
        try (InputStream in = SyncApplication.class.getResourceAsStream("/schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    executeSchemaStatement(s, sql);
                }
            }
        }
    }

    private static void executeSchemaStatement(Statement statement, String sql) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                statement.execute(sql);
                return;
            } catch (SQLException e) {
                // 23505: unique violation, here of PostgreSQL's catalog while another node creates the same table
                if (attempt == SCHEMA_ATTEMPTS || !"23505".equals(e.getSQLState())) {
                    throw e;
                }
                LOG.debug("Another node created a table at the same moment; running the statement again", e);
            }
        }
    }

    public void start() throws Exception {
        main.start();
    }

    /** Runs until the JVM is asked to stop (Ctrl-C) or {@link Main#completed()} is called, then closes. */
    public void run(String... args) throws Exception {
        try {
            main.run(args);
        } finally {
            close();
        }
    }

    /** Waits until {@link #close()} has run, for the shutdown hook; Camel's stop has its own timeouts before. */
    private void awaitClosed() {
        try {
            CamelContext context = main.getCamelContext();
            long camelStop = context == null ? 0 : context.getShutdownStrategy().getTimeUnit()
                    .toSeconds(context.getShutdownStrategy().getTimeout());
            if (!closed.await(camelStop + CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("The application did not finish closing; stopping anyway");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The stored watermarks by state key (e.g. {@code okki:company/list}), as the consumers left them: each one's last
     * complete poll.
     */
    public Map<String, String> storedWatermarks() throws SQLException {
        Map<String, String> marks = new LinkedHashMap<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATE_KEY, STATE_VALUE FROM OKKI_STATE ORDER BY STATE_KEY")) {
            while (rs.next()) {
                marks.put(rs.getString(1), rs.getString(2));
            }
        }
        return marks;
    }

    public Main main() {
        return main;
    }

    /** The embedded simulator, or null when syncing a real account. */
    public OkkiSimulator simulator() {
        return simulator;
    }

    public DataSource database() {
        return database;
    }

    /** The webhook secret in use (generated for the simulator), for pushing test events. */
    public String webhookSecret() {
        return webhookSecret;
    }

    /**
     * Stops in order: the simulated changes, then Camel (routes first, each consumer finishing the record in hand), then
     * the database, after logging the watermarks the next start resumes from, and the simulator last. Runs once.
     */
    @Override
    public void close() throws Exception {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        try {
            if (activity != null) {
                activity.close();
            }
            main.stop();
            try {
                Map<String, String> marks = storedWatermarks();
                if (marks.isEmpty()) {
                    LOG.info("Stopped before a poll completed: no watermark is stored, the next start syncs as"
                            + " okki.sync.initial says");
                } else {
                    LOG.info("Stopped. The next start resumes from the stored watermarks {}", marks);
                }
            } catch (SQLException e) {
                LOG.warn("Stopped; the stored watermarks cannot be read: {}", e.getMessage());
            }
            database.close();
            if (simulator != null) {
                simulator.stop();
            }
        } finally {
            closed.countDown();
        }
    }
}
