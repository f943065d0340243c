package io.github.camelokki.okki;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/**
 * The {@code okki-events:} component: OKKI's webhook pushes. It has no options of its own: its endpoints take their
 * defaults (connection, credentials, {@code securityConfig}, the idempotent repository) from the {@code okki}
 * component of the same context and call OKKI through it, so one configuration ({@code camel.component.okki.*}) serves
 * both schemes and they share one connection pool and one token.
 */
@Component("okki-events")
public class OkkiEventsComponent extends DefaultComponent {

    /** The name the okki component that owns connections and tokens is looked up by. */
    static final String OKKI = "okki";

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) {
        return newEndpoint(uri, remaining, getCamelContext().getComponent(OKKI, OkkiComponent.class));
    }

    /**
     * An endpoint serving {@code webhookPath} whose defaults come from {@code settings}; also what {@code okki:events},
     * the older form, creates (with the okki component that parsed it).
     */
    OkkiEventsEndpoint newEndpoint(String uri, String webhookPath, OkkiComponent settings) {
        OkkiEventsEndpoint endpoint = new OkkiEventsEndpoint(uri, this, settings);
        endpoint.setWebhookPath(webhookPath);
        return endpoint;
    }
}
