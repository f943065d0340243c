package io.github.camelokki.examples;

import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Runs the demo routes with Camel Main: against an embedded OKKI simulator by default, or against a real OKKI account
 * when OKKI_CLIENT_ID and OKKI_CLIENT_SECRET are set (reads only, unless OKKI_ALLOW_WRITES=true).
 */
public final class DemoApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DemoApplication.class);

    private DemoApplication() {
    }

    public static void main(String[] args) throws Exception {
        DemoReport report = run(System.getenv());
        LOG.info("OKKI demo finished: {}", report);
        if (report.failure() != null) {
            System.exit(1);
        }
    }

    /** Runs the demo to its end and says what it did. */
    public static DemoReport run(Map<String, String> env) throws Exception {
        boolean live = env.get("OKKI_CLIENT_ID") != null && env.get("OKKI_CLIENT_SECRET") != null;
        WireMockServer simulator = live ? null : startSimulator();
        Properties props = new Properties();
        if (live) {
            LOG.info("Talking to the real OKKI API as client {}", env.get("OKKI_CLIENT_ID"));
            props.setProperty("camel.component.okki.client-id", env.get("OKKI_CLIENT_ID"));
            props.setProperty("camel.component.okki.client-secret", env.get("OKKI_CLIENT_SECRET"));
            if (env.get("OKKI_BASE_URL") != null) {
                props.setProperty("camel.component.okki.base-url", env.get("OKKI_BASE_URL"));
            }
        } else {
            LOG.info("No OKKI_CLIENT_ID/OKKI_CLIENT_SECRET set: using the embedded OKKI simulator at {}",
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

    private static WireMockServer startSimulator() {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
                .usingFilesUnderClasspath("okki-simulator"));
        server.start();
        return server;
    }
}
