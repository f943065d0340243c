package io.github.camelokki.okki;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.UriParam;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The okki:events options reach OkkiWebhookConfiguration, and none shares a name with another endpoint option (a clash
 * would silently send the value to the other object).
 */
class WebhookOptionsTest extends OkkiTestSupport {

    private static Set<String> uriParams(Class<?> type) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(UriParam.class))
                .map(Field::getName).collect(Collectors.toSet());
    }

    @Test
    void webhookOptionNamesAreUnique() {
        Set<String> webhook = uriParams(OkkiWebhookConfiguration.class);
        Set<String> others = uriParams(OkkiConfiguration.class);
        others.addAll(uriParams(OkkiEndpoint.class));
        webhook.retainAll(others);
        assertEquals(Set.of(), webhook);
    }

    @Test
    void uriOptionsConfigureTheWebhook() {
        OkkiEndpoint endpoint = context.getEndpoint("okki:events?webhookPath=/hooks/okki&securityConfig=RAW(a+b/c=,old)"
                + "&secretGracePeriod=2m&timestampTolerance=0&maxBodySize=2048"
                + "&eventTypes=xiaoman.crm.company.*&enrich=true&register=true"
                + "&callbackUrl=https://hooks.example.com/okki&subscriptions=crm.company,crm.order",
                OkkiEndpoint.class);

        OkkiWebhookConfiguration webhook = endpoint.getWebhook();
        assertTrue(endpoint.isEvents());
        assertEquals("/hooks/okki", webhook.getWebhookPath());
        assertEquals("a+b/c=,old", webhook.getSecurityConfig());
        assertEquals(120_000, webhook.getSecretGracePeriod());
        assertEquals(0, webhook.getTimestampTolerance());
        assertEquals(2048, webhook.getMaxBodySize());
        assertEquals("xiaoman.crm.company.*", webhook.getEventTypes());
        assertTrue(webhook.isEnrich());
        assertTrue(webhook.isRegister());
        assertEquals("https://hooks.example.com/okki", webhook.getCallbackUrl());
        assertEquals("crm.company,crm.order", webhook.getSubscriptions());
    }

    @Test
    void defaults() {
        OkkiWebhookConfiguration webhook = new OkkiWebhookConfiguration();
        assertEquals("/okki/events", webhook.getWebhookPath());
        assertEquals(600_000, webhook.getSecretGracePeriod());
        assertEquals(300_000, webhook.getTimestampTolerance());
        assertEquals(1_048_576, webhook.getMaxBodySize());
    }

    @Test
    void startWithoutSecretFailsWithAnExplanation() throws Exception {
        // the context runs already, so adding the route starts it
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events").routeId("no-secret").to("mock:none");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals("okki:events needs securityConfig, the security_config OKKI returned from webhook/create, on the"
                + " endpoint or the component (camel.component.okki.security-config), or register=true on a first"
                + " registration, which receives it.", root.getMessage());
    }
}
