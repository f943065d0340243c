package io.github.camelokki.examples.quarkus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.camelokki.okki.OkkiConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Decides which OKKI the application talks to. OKKI has no sandbox: without a client id and secret
 * {@link #describe()} refuses, and the route (which calls it first) is never built, so the application does not
 * start. With them, the target is {@code camel.component.okki.base-url} ({@code OKKI_BASE_URL}) or else OKKI's one
 * host, which is production.
 */
@Singleton
public class OkkiTarget {

    static final String CLIENT_ID = "camel.component.okki.client-id";
    static final String CLIENT_SECRET = "camel.component.okki.client-secret";

    private final Optional<String> clientId;
    private final Optional<String> clientSecret;
    private final String baseUrl;

    @Inject
    public OkkiTarget(@ConfigProperty(name = CLIENT_ID) Optional<String> clientId,
            @ConfigProperty(name = CLIENT_SECRET) Optional<String> clientSecret,
            @ConfigProperty(name = "camel.component.okki.base-url") Optional<String> baseUrl) {
        this.clientId = clientId.filter(s -> !s.isBlank());
        this.clientSecret = clientSecret.filter(s -> !s.isBlank());
        this.baseUrl = baseUrl.filter(s -> !s.isBlank()).map(String::trim).orElse(OkkiConfiguration.DEFAULT_BASE_URL);
    }

    /**
     * The line the application logs about its target; neither secret nor client id is in it.
     *
     * @throws IllegalStateException without a client id and secret, naming what is missing
     */
    public String describe() {
        List<String> missing = new ArrayList<>();
        if (clientId.isEmpty()) {
            missing.add(CLIENT_ID + " (OKKI_CLIENT_ID)");
        }
        if (clientSecret.isEmpty()) {
            missing.add(CLIENT_SECRET + " (OKKI_CLIENT_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("No OKKI credentials: " + String.join(" and ", missing)
                    + (missing.size() > 1 ? " are" : " is") + " not set. This sample talks only to a real OKKI account"
                    + " (OKKI has no sandbox), here " + baseUrl + ", so it does not start without them. Set"
                    + " OKKI_CLIENT_ID and OKKI_CLIENT_SECRET (and OKKI_BASE_URL only for another host than OKKI's).");
        }
        return "OKKI target: " + baseUrl + " (" + (OkkiConfiguration.DEFAULT_BASE_URL.equals(baseUrl)
                ? "OKKI's one host, which is production" : "from camel.component.okki.base-url / OKKI_BASE_URL")
                + "), with the client id and secret given";
    }
}
