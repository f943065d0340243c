package io.github.camelokki.okki;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook options reach OkkiWebhookConfiguration through both forms, okki-events:&lt;path&gt; and the older
 * okki:events, which make the same endpoint kind; none shares a name with another option of that endpoint (a clash
 * would silently send the value to the other object).
 */
class WebhookOptionsTest extends OkkiTestSupport {

    private static final String OPTIONS = "securityConfig=RAW(a+b/c=,old)&secretGracePeriod=2m&timestampTolerance=0"
            + "&maxBodySize=2048&eventTypes=xiaoman.crm.company.*&enrich=true&register=true"
            + "&callbackUrl=https://hooks.example.com/okki&subscriptions=crm.company,crm.order&idempotentCacheSize=7";

    private static Set<String> uriParams(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(UriParam.class))
                .map(Field::getName).collect(Collectors.toSet());
    }

    @Test
    void webhookOptionNamesAreUnique() {
        Set<String> webhook = uriParams(OkkiWebhookConfiguration.class);
        Set<String> others = uriParams(OkkiConnectionConfiguration.class);
        others.addAll(uriParams(OkkiEventsEndpoint.class));
        webhook.retainAll(others);
        assertEquals(Set.of(), webhook);
    }

    @ParameterizedTest
    @ValueSource(strings = { "okki-events:/hooks/okki?", "okki:events?webhookPath=/hooks/okki&" })
    void uriOptionsConfigureTheWebhook(String start) {
        OkkiEventsEndpoint endpoint = context.getEndpoint(start + OPTIONS, OkkiEventsEndpoint.class);

        OkkiWebhookConfiguration webhook = endpoint.getWebhook();
        assertInstanceOf(OkkiEventsComponent.class, endpoint.getComponent());
        assertEquals("/hooks/okki", endpoint.getWebhookPath());
        assertEquals("a+b/c=,old", webhook.getSecurityConfig());
        assertEquals(120_000, webhook.getSecretGracePeriod());
        assertEquals(0, webhook.getTimestampTolerance());
        assertEquals(2048, webhook.getMaxBodySize());
        assertEquals("xiaoman.crm.company.*", webhook.getEventTypes());
        assertTrue(webhook.isEnrich());
        assertTrue(webhook.isRegister());
        assertEquals("https://hooks.example.com/okki", webhook.getCallbackUrl());
        assertEquals("crm.company,crm.order", webhook.getSubscriptions());
        assertEquals(7, webhook.getIdempotentCacheSize());
    }

    @Test
    void defaults() {
        OkkiWebhookConfiguration webhook = new OkkiWebhookConfiguration();
        assertEquals(600_000, webhook.getSecretGracePeriod());
        assertEquals(300_000, webhook.getTimestampTolerance());
        assertEquals(1_048_576, webhook.getMaxBodySize());
        assertEquals(10_000, webhook.getIdempotentCacheSize());
        assertEquals("/okki/events", context.getEndpoint("okki:events", OkkiEventsEndpoint.class).getWebhookPath());
    }

    /** Both forms take the okki component's options as defaults: one configuration for both schemes. */
    @ParameterizedTest
    @ValueSource(strings = { "okki-events:okki/defaults", "okki:events?webhookPath=okki/defaults" })
    void theOkkiComponentGivesTheDefaults(String uri) {
        OkkiComponent okki = okkiComponent();
        okki.setSecurityConfig("component-secret");
        okki.getConfiguration().setIdempotentCacheSize(42);
        try {
            OkkiEventsEndpoint endpoint = context.getEndpoint(uri, OkkiEventsEndpoint.class);
            assertEquals("component-secret", endpoint.getWebhook().getSecurityConfig());
            assertEquals(42, endpoint.getWebhook().getIdempotentCacheSize());
            assertEquals(okki.getConfiguration().getClientId(), endpoint.getConnection().getClientId());
            assertEquals(okki.getConfiguration().getBaseUrl(), endpoint.getConnection().getBaseUrl());
            assertEquals("/okki/defaults", endpoint.path());
        } finally {
            okki.setSecurityConfig(null);
            okki.getConfiguration().setIdempotentCacheSize(10_000);
        }
    }

    /** Each endpoint kind takes exactly its own options: a list option on okki:events fails like any typo. */
    @ParameterizedTest
    @ValueSource(strings = { "okki:events?pageSize=5", "okki-events:/x?delay=5000", "okki-events:/x?initialSync=now" })
    void anOptionOfTheOtherKindIsRefused(String uri) {
        Exception e = assertThrows(ResolveEndpointFailedException.class, () -> context.getEndpoint(uri));
        assertTrue(e.getMessage().contains("There are 1 parameters that couldn't be set on the endpoint"),
                e.getMessage());
    }

    @Test
    void webhookOptionsAreNotOperationOptions() {
        Exception e = assertThrows(ResolveEndpointFailedException.class,
                () -> context.getEndpoint("okki:company/list?securityConfig=x"));
        assertTrue(e.getMessage().contains("securityConfig"), e.getMessage());
    }

    @Test
    void theOlderFormAndTheNewOneShareTheClientOfTheOkkiComponent() throws Exception {
        OkkiEventsEndpoint older = context.getEndpoint("okki:events?webhookPath=/a", OkkiEventsEndpoint.class);
        OkkiEventsEndpoint newer = context.getEndpoint("okki-events:/b", OkkiEventsEndpoint.class);
        older.init();
        newer.init();
        assertSame(okkiComponent().getTokenManagers().values().iterator().next(),
                okkiComponent().getTokenManagers().get(OkkiComponent.credentials(newer.getConnection())));
        assertEquals(1, okkiComponent().getTokenManagers().size());
        assertEquals(1, okkiComponent().pooledClientCount());
    }

    @ParameterizedTest
    @ValueSource(strings = { "okki:events", "okki-events" })
    void startWithoutSecretFailsWithAnExplanation(String kind) throws Exception {
        String uri = kind.equals("okki-events") ? "okki-events:/no-secret" : kind;
        // the context runs already, so adding the route starts it
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("no-secret").to("mock:none");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals(kind + " needs securityConfig, the security_config OKKI returned from webhook/create, on the"
                + " endpoint or the component (camel.component.okki.security-config), or register=true on a first"
                + " registration, which receives it.", root.getMessage());
    }

    @Test
    void eventsHaveNoProducer() {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:x").routeId("to-events").to("okki-events:/x");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("okki-events only receives OKKI's webhook pushes: use it in from(...)", root.getMessage());
    }
}
