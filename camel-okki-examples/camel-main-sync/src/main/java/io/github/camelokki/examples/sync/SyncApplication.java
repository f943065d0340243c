package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.sync.JdbcStateRepository;
import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OKKI sync application: Camel Main with the YAML routes under {@code routes/}, its settings read as {@link Settings}
 * says. It talks to the OKKI account whose client id and secret it is given, as {@code camel.component.okki.client-id}
 * / {@code client-secret} (in application.properties, as system properties or as CAMEL_COMPONENT_OKKI_CLIENT_ID /
 * _SECRET) or as OKKI_CLIENT_ID / OKKI_CLIENT_SECRET; with neither it starts an embedded OKKI simulator seeded with
 * customers and orders, so it runs anywhere; with only part of them it refuses to start.
 */
public final class SyncApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncApplication.class);

    private static final String CLIENT_ID = "camel.component.okki.client-id";
    private static final String CLIENT_SECRET = "camel.component.okki.client-secret";
    private static final String BASE_URL = "camel.component.okki.base-url";

    private final Main main;
    private final OkkiSimulator simulator;
    private final HikariDataSource database;
    private final String webhookSecret;

    private SyncApplication(Main main, OkkiSimulator simulator, HikariDataSource database, String webhookSecret) {
        this.main = main;
        this.simulator = simulator;
        this.database = database;
        this.webhookSecret = webhookSecret;
    }

    public static void main(String[] args) throws Exception {
        try (SyncApplication app = create(System.getenv(), new Properties())) {
            app.main.run(args);
        }
    }

    /**
     * Prepares the application (not yet started).
     *
     * @param env       the environment: OKKI_CLIENT_ID, OKKI_CLIENT_SECRET, OKKI_BASE_URL, OKKI_WEBHOOK_SECRET, and any
     *                  setting in Camel's form (OKKI_DB_URL, CAMEL_COMPONENT_OKKI_CLIENT_ID, ...)
     * @param overrides properties that win over everything else (tests set ports, delays and folders)
     * @throws IllegalArgumentException when the OKKI connection is half set, naming what is missing
     */
    public static SyncApplication create(Map<String, String> env, Properties overrides) throws Exception {
        Settings settings = Settings.load(env, overrides);
        Properties props = settings.resolved();
        String clientId = Settings.firstSet(settings.get(CLIENT_ID), env.get("OKKI_CLIENT_ID"));
        String clientSecret = Settings.firstSet(settings.get(CLIENT_SECRET), env.get("OKKI_CLIENT_SECRET"));
        String baseUrl = Settings.firstSet(settings.get(BASE_URL), env.get("OKKI_BASE_URL"));
        boolean live = requireWholeConnection(clientId, clientSecret, baseUrl);
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
        return new SyncApplication(main, simulator, database, webhookSecret);
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

    /** Runs schema.sql: plain CREATE TABLE IF NOT EXISTS statements, which H2 and PostgreSQL both run. */
    private static void createTables(DataSource database) throws IOException, SQLException {
        String script;
        try (InputStream in = SyncApplication.class.getResourceAsStream("/schema.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String sql : script.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!sql.isBlank()) {
                    s.execute(sql);
                }
            }
        }
    }

    public void start() throws Exception {
        main.start();
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

    @Override
    public void close() throws Exception {
        main.stop();
        database.close();
        if (simulator != null) {
            simulator.stop();
        }
    }
}
