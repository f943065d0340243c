package io.github.camelokki.okki;

import java.util.List;
import java.util.Set;

import io.github.camelokki.okki.api.GrantType;

/**
 * The way to keep every secret out of every log level: give them on the component (camel.component.okki.*), where
 * no endpoint URI carries them. The same endpoints, calls and places as {@link SecretsAtTraceTest}, with nothing
 * excused: not Camel's TRACE lines of endpoint lookups, not its route definitions, not any console.
 */
class SecretsOnTheComponentTest extends SecretsAtTraceTest {

    @Override
    protected void configure(OkkiComponent component) {
        OkkiConfiguration conf = component.getConfiguration();
        conf.setClientSecret(SECRET_OPTIONS.get("clientSecret"));
        conf.setGrantType(GrantType.password);
        conf.setUsername(USERNAME);
        conf.setPassword(SECRET_OPTIONS.get("password"));
        conf.setProxyPassword(SECRET_OPTIONS.get("proxyPassword"));
        component.setSecurityConfig(SECRET_OPTIONS.get("securityConfig"));
    }

    @Override
    protected String producerUri() {
        return "okki:company/info";
    }

    @Override
    protected String eventsUri() {
        return "okki:events";
    }

    @Override
    protected List<String> excusedCamelCoreLines() {
        return List.of();
    }

    @Override
    protected Set<String> excusedConsoles() {
        return Set.of();
    }

    @Override
    protected Set<String> excusedJsonConsoles() {
        return Set.of();
    }
}
