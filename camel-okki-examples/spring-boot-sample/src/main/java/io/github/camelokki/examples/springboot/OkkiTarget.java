package io.github.camelokki.examples.springboot;

import java.util.ArrayList;
import java.util.List;

import io.github.camelokki.okki.OkkiConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Decides which OKKI the application talks to, before any route starts. OKKI has no sandbox: without a client id
 * and secret the application does not start (see {@link OkkiTargetFailureAnalyzer} for what it prints); with them it
 * logs the host it will call, {@code camel.component.okki.base-url} ({@code OKKI_BASE_URL}) or else OKKI's one host,
 * which is production. Neither secret nor client id is logged.
 */
@Component
public class OkkiTarget {

    static final String CLIENT_ID = "camel.component.okki.client-id";
    static final String CLIENT_SECRET = "camel.component.okki.client-secret";
    static final String BASE_URL = "camel.component.okki.base-url";

    private static final Logger LOG = LoggerFactory.getLogger(OkkiTarget.class);

    private final String baseUrl;

    public OkkiTarget(Environment environment) {
        baseUrl = environment.getProperty(BASE_URL, OkkiConfiguration.DEFAULT_BASE_URL).trim();
        List<String> missing = new ArrayList<>();
        if (environment.getProperty(CLIENT_ID, "").isBlank()) {
            missing.add(CLIENT_ID + " (OKKI_CLIENT_ID)");
        }
        if (environment.getProperty(CLIENT_SECRET, "").isBlank()) {
            missing.add(CLIENT_SECRET + " (OKKI_CLIENT_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new MissingOkkiCredentialsException(missing, baseUrl);
        }
        LOG.info("OKKI target: {} ({}), with the client id and secret given", baseUrl,
                OkkiConfiguration.DEFAULT_BASE_URL.equals(baseUrl) ? "OKKI's one host, which is production"
                        : "from " + BASE_URL + " / OKKI_BASE_URL");
    }

    /** The OKKI host the okki component calls. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Why the application did not start: no OKKI credentials, so no OKKI to talk to. */
    public static final class MissingOkkiCredentialsException extends IllegalStateException {

        private final transient List<String> missing;

        MissingOkkiCredentialsException(List<String> missing, String baseUrl) {
            super("No OKKI credentials: " + String.join(" and ", missing) + (missing.size() > 1 ? " are" : " is")
                    + " not set. This sample talks only to a real OKKI account (OKKI has no sandbox), here " + baseUrl
                    + ", so it does not start without them.");
            this.missing = List.copyOf(missing);
        }

        /** The settings that were not given, each with its environment variable. */
        public List<String> missing() {
            return missing;
        }
    }
}
