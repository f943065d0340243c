package io.github.camelokki.okki;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.internal.webhook.WebhookSecrets;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import io.github.camelokki.simulator.OkkiEventPusher;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.simulator.OkkiEventPusher.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Secret rotation without downtime: the previous security_config is accepted during the grace period.
 */
class WebhookSecretRotationTest extends WebhookHttpTest {

    private static final String PREVIOUS = OkkiEventPusher.newSecurityConfig();
    private static final String ROTATED = OkkiEventPusher.newSecurityConfig();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events?securityConfig=" + secret(SECRET + "," + PREVIOUS))
                        .routeId("events").to("mock:events");
            }
        };
    }

    private Answer push(String securityConfig, String messageId) {
        return new OkkiEventPusher(securityConfig).push(url(), messageId,
                List.of(event("xiaoman.crm.lead.create", Map.of("lead_id", 11))));
    }

    @Test
    void previousAndCurrentSecretsAreBothAccepted() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(2);

        assertEquals(200, push(SECRET, "msg_current").status());
        assertEquals(200, push(PREVIOUS, "msg_previous").status());
        assertEquals(401, push(OkkiEventPusher.newSecurityConfig(), "msg_unknown").status());
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void rotationAtRuntimeKeepsTheOldSecretDuringTheGracePeriod() throws Exception {
        getMockEndpoint("mock:events").expectedMessageCount(2);
        OkkiWebhookConsumer consumer = (OkkiWebhookConsumer) context.getRoute("events").getConsumer();

        consumer.rotateSecret(ROTATED);

        assertEquals(200, push(ROTATED, "msg_rotated").status());
        assertEquals(200, push(SECRET, "msg_before_rotation").status());
        MockEndpoint.assertIsSatisfied(context);
    }

    @Test
    void previousSecretExpiresAfterTheGracePeriod() {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-11-25T10:00:00Z"));
        WebhookSecrets secrets = new WebhookSecrets(SECRET, null, Duration.ofMinutes(10), clock);

        secrets.rotate(ROTATED);
        assertEquals(List.of(ROTATED, SECRET), secrets.accepted());
        clock.advance(Duration.ofMinutes(9));
        assertEquals(List.of(ROTATED, SECRET), secrets.accepted());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of(ROTATED), secrets.accepted());
        assertEquals("WebhookSecrets[current=***, previous=*** until 2026-11-25T10:10:00Z]", secrets.toString());
    }

    @Test
    void securityConfigTakesAtMostOnePreviousSecret() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WebhookSecrets.parse(ROTATED + "," + SECRET + "," + PREVIOUS, Duration.ZERO, Clock.systemUTC()));
        assertEquals("securityConfig takes the current security_config and at most one previous one, separated by a"
                + " comma; it holds 3 values", e.getMessage());
    }

}
