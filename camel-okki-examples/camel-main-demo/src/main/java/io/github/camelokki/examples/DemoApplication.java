package io.github.camelokki.examples;

import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.camelokki.okki.OkkiConfiguration;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Runs the demo routes with Camel Main. The OKKI it talks to is chosen from the environment alone: with neither
 * OKKI_CLIENT_ID nor OKKI_CLIENT_SECRET (nor OKKI_BASE_URL) set, an embedded OKKI simulator; with both, the real OKKI
 * account they belong to, at OKKI_BASE_URL or else OKKI's one host (which is production), reading only unless
 * OKKI_ALLOW_WRITES=true; with only part of them, it does not start and says what is missing. The first log line
 * names the target.
 */
public final class DemoApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApplication.class);

    private DemoApplication() {
    }

    public static void main(String[] args) throws Exception {
        DemoReport report;
        try {
            report = run(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.error("OKKI demo not started: {}", e.getMessage());
            System.exit(2);
            return;
        }
        LOG.info("OKKI demo finished: {}", report);
        if (report.failure() != null) {
            System.exit(1);
        }
    }

    /**
     * Runs the demo to its end and says what it did.
     *
     * @throws IllegalArgumentException when the environment gives only part of an OKKI connection
     */
    public static DemoReport run(Map<String, String> env) throws Exception {
        String clientId = setting(env, "OKKI_CLIENT_ID");
        String clientSecret = setting(env, "OKKI_CLIENT_SECRET");
        String baseUrl = setting(env, "OKKI_BASE_URL");
        boolean live = clientId != null && clientSecret != null;
        if (!live && (clientId != null || clientSecret != null || baseUrl != null)) {
            throw new IllegalArgumentException((clientId == null ? "OKKI_CLIENT_ID" : "OKKI_CLIENT_SECRET")
                    + " is not set: a real OKKI account needs both OKKI_CLIENT_ID and OKKI_CLIENT_SECRET (and "
                    + "OKKI_BASE_URL only for another host); unset all three to run against the embedded simulator");
        }
        WireMockServer simulator = live ? null : startSimulator();
        Properties props = new Properties();
        if (live) {
            String target = baseUrl != null ? baseUrl : OkkiConfiguration.DEFAULT_BASE_URL;
            LOG.info("OKKI target: {} ({}), the real OKKI account of OKKI_CLIENT_ID/OKKI_CLIENT_SECRET; {}", target,
                    baseUrl != null ? "from OKKI_BASE_URL" : "OKKI's one host, which is production",
                    "true".equals(env.get("OKKI_ALLOW_WRITES")) ? "writes allowed (OKKI_ALLOW_WRITES=true)"
                            : "reads only (OKKI_ALLOW_WRITES is not true)");
            props.setProperty("camel.component.okki.client-id", clientId);
            props.setProperty("camel.component.okki.client-secret", clientSecret);
            props.setProperty("camel.component.okki.base-url", target);
        } else {
            LOG.info("OKKI target: the embedded OKKI simulator at {} (no OKKI_CLIENT_ID/OKKI_CLIENT_SECRET set)",
                    simulator.baseUrl());
            props.setProperty("camel.component.okki.base-url", simulator.baseUrl());
            props.setProperty("camel.component.okki.client-id", "demo-client");
            props.setProperty("camel.component.okki.client-secret", "demo-secret");
        }
        DemoReport report = new DemoReport();
        Main main = new Main();
        main.setOverrideProperties(props);
        main.configure().addRoutesBuilder(new DemoRoutes(!live || "true".equals(env.get("OKKI_ALLOW_WRITES")), report));
        try {
            main.start();
            if (!report.await(120)) {
                throw new IllegalStateException("The OKKI demo did not finish within 120 s");
            }
        } finally {
            main.stop();
            if (simulator != null) {
                simulator.stop();
            }
        }
        return report;
    }

    /** A variable of the environment, or null when it is unset or blank. */
    private static String setting(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static WireMockServer startSimulator() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("okki-simulator"));
        server.start();
        return server;
    }
}
