package io.github.camelokki.karaf.route;

import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.Properties;

import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.karaf.core.OsgiDefaultCamelContext;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The application bundle KarafFeatureIT deploys into Karaf (packaged by the test, not by the build): a Camel context
 * that syncs companies from OKKI and pushes one lead per company it receives. It finds the {@code okki} component the
 * way any Karaf application does, through camel-core-osgi's lookup of bundles that declare components.
 */
public class SyncRouteActivator implements BundleActivator {

    /** Where the test writes the simulator's address and credentials, inside this bundle. */
    static final String SETTINGS = "okki-route.properties";

    private CamelContext camel;

    @Override
    public void start(BundleContext bundleContext) throws Exception {
        Properties settings = new Properties();
        URL entry = bundleContext.getBundle().getEntry(SETTINGS);
        if (entry == null) {
            throw new IllegalStateException(SETTINGS + " is missing from the route bundle");
        }
        try (InputStream in = entry.openStream()) {
            settings.load(in);
        }
        camel = new OsgiDefaultCamelContext(bundleContext);
        camel.getCamelContextExtension().setName("okki-karaf-it");
        // resolved from the camel-okki bundle, as a route naming okki: would
        OkkiComponent okki = camel.getComponent("okki", OkkiComponent.class);
        OkkiConfiguration conf = okki.getConfiguration();
        conf.setBaseUrl(settings.getProperty("baseUrl"));
        conf.setClientId(settings.getProperty("clientId"));
        conf.setClientSecret(settings.getProperty("clientSecret"));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?pageSize=50&delay=200&initialDelay=0").routeId("companies")
                        .process(exchange -> {
                            Object id = exchange.getMessage().getHeader(OkkiConstants.RECORD_ID);
                            exchange.getMessage().setBody(Map.of("name", "karaf-" + id));
                        })
                        .to("okki:lead/push");
            }
        });
        camel.start();
    }

    @Override
    public void stop(BundleContext bundleContext) {
        if (camel != null) {
            camel.stop();
        }
    }
}
