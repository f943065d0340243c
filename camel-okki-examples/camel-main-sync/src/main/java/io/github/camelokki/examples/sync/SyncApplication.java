package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import io.github.camelokki.okki.sync.JdbcStateRepository;
import io.github.camelokki.simulator.OkkiEventPusher;
import io.github.camelokki.simulator.OkkiSimulator;
import org.apache.camel.main.Main;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The OKKI sync application: Camel Main with the YAML routes under {@code routes/}. It talks to the OKKI account whose
 * client id and secret it is given, as {@code camel.component.okki.client-id} / {@code client-secret} (in
 * application.properties, as system properties or as CAMEL_COMPONENT_OKKI_CLIENT_ID / _SECRET) or as OKKI_CLIENT_ID /
 * OKKI_CLIENT_SECRET; without them it starts an embedded OKKI simulator seeded with customers and orders, so it runs
 * anywhere.
 */
public final class SyncApplication implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SyncApplication.class);

    private static final String CLIENT_ID = "camel.component.okki.client-id";
    private static final String CLIENT_SECRET = "camel.component.okki.client-secret";
    private static final String BASE_URL = "camel.component.okki.base-url";

    private final Main main;
    private final OkkiSimulator simulator;
    private final DataSource database;
    private final String webhookSecret;

    private SyncApplication(Main main, OkkiSimulator simulator, DataSource database, String webhookSecret) {
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
     * @param env       where OKKI_CLIENT_ID, OKKI_CLIENT_SECRET (and OKKI_BASE_URL) are looked up
     * @param overrides properties that win over application.properties (tests set ports, delays and folders)
     */
    public static SyncApplication create(Map<String, String> env, Properties overrides) throws Exception {
        Properties props = defaults();
        props.putAll(overrides);
        if (env.get("OKKI_CLIENT_ID") != null && env.get("OKKI_CLIENT_SECRET") != null) {
            props.setProperty(CLIENT_ID, env.get("OKKI_CLIENT_ID"));
            props.setProperty(CLIENT_SECRET, env.get("OKKI_CLIENT_SECRET"));
            if (env.get("OKKI_BASE_URL") != null) {
                props.setProperty(BASE_URL, env.get("OKKI_BASE_URL"));
            }
        }
        boolean live = configured(CLIENT_ID, props, env) && configured(CLIENT_SECRET, props, env);
        OkkiSimulator simulator = null;
        String webhookSecret = props.getProperty("okki.webhook.secret", "");
        if (webhookSecret.isBlank() && env.get("OKKI_WEBHOOK_SECRET") != null) {
            webhookSecret = env.get("OKKI_WEBHOOK_SECRET");
        }
        if (live) {
            LOG.info("Syncing the OKKI account at {}", props.getProperty(BASE_URL, "the component's default address"));
        } else {
            simulator = OkkiSimulator.start();
            simulator.records("company").seed(25);
            simulator.records("order").seed(40);
            LOG.info("No OKKI client id and secret: syncing the embedded OKKI simulator at {} (25 customers,"
                    + " 40 sales orders)", simulator.baseUrl());
            props.setProperty(BASE_URL, simulator.baseUrl());
            props.setProperty(CLIENT_ID, "sim-client");
            props.setProperty(CLIENT_SECRET, "sim-secret");
            if (webhookSecret.isBlank()) {
                webhookSecret = OkkiEventPusher.newSecurityConfig();
            }
        }
        if (webhookSecret.isBlank()) {
            LOG.warn("No OKKI_WEBHOOK_SECRET: the okki-events route stays stopped");
            props.setProperty("okki.events.enabled", "false");
        } else {
            props.setProperty("okki.webhook.secret", webhookSecret);
        }
        DataSource database = new DriverManagerDataSource(props.getProperty("okki.db.url"),
                props.getProperty("okki.db.user"), props.getProperty("okki.db.password", ""));
        createTables(database);

        Main main = new Main();
        main.setOverrideProperties(props);
        main.bind("okkiDb", database);
        main.bind("okkiState", new JdbcStateRepository(database));
        main.bind("okkiKeys", new JdbcMessageIdRepository(database, "okki-sync"));
        main.bind("leadMapper", new LeadMapper());
        return new SyncApplication(main, simulator, database, webhookSecret);
    }

    /**
     * Whether an okki option is set where Camel Main would find it: the application's properties (including
     * overrides), a JVM system property, or an environment variable in Camel's form
     * (CAMEL_COMPONENT_OKKI_CLIENT_ID).
     */
    private static boolean configured(String key, Properties props, Map<String, String> env) {
        String envName = key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
        return !isBlank(props.getProperty(key)) || !isBlank(System.getProperty(key)) || !isBlank(env.get(envName));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static Properties defaults() throws IOException {
        Properties props = new Properties();
        try (InputStream in = SyncApplication.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        }
        return props;
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
        if (simulator != null) {
            simulator.stop();
        }
    }
}
