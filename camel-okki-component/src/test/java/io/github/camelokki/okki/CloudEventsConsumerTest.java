package io.github.camelokki.okki;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.simulator.Records;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.okki.CloudEventsAssertions.assertCloudEvent;
import static io.github.camelokki.okki.CloudEventsAssertions.assertNoSecretIn;
import static io.github.camelokki.okki.CloudEventsAssertions.toCloudEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * okki:application-cloudevents on the records of the polling consumer, read from the simulator: the exact CloudEvent
 * attributes of known records, live, changed again and deleted, and the same id when a failed version comes again.
 */
class CloudEventsConsumerTest extends SimulatorTestSupport {

    private final AtomicBoolean failNextDeletion = new AtomicBoolean();
    private final List<String> failedIds = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?includeDeleted=true&delay=50&initialDelay=0").routeId("sync").autoStartup(false)
                        .process(toCloudEvent())
                        .process(exchange -> {
                            if (exchange.getMessage().getHeader(OkkiConstants.DELETED, Boolean.class)
                                    && failNextDeletion.compareAndSet(true, false)) {
                                failedIds.add(exchange.getMessage().getHeader("CamelCloudEventID", String.class));
                                throw new IllegalStateException("the broker is down");
                            }
                        })
                        .process(CloudEventsConsumerTest.this::collect);
            }
        };
    }

    @Test
    void eachRecordVersionBecomesACloudEventWithStableIdTypeSourceSubjectAndTime() throws Exception {
        Records companies = sim.records("company");
        sim.setNow(LocalDateTime.of(2026, 11, 25, 10, 0, 0));
        Map<String, Object> acme = companies.create(Map.of("name", "Acme Trading"));
        sim.setNow(LocalDateTime.of(2026, 11, 25, 10, 5, 0));
        Map<String, Object> gone = companies.create(Map.of("name", "Gone Ltd"));
        sim.setNow(LocalDateTime.of(2026, 11, 25, 10, 10, 0));
        companies.delete(gone.get("company_id"));
        Object acmeId = acme.get("company_id");
        Object goneId = gone.get("company_id");
        failNextDeletion.set(true);

        context.getRouteController().startRoute("sync");
        await("the live and the deleted company", Waiting.PATIENCE_MILLIS, () -> received.size() >= 2);

        Exchange live = received.get(0);
        assertCloudEvent(live, "company:" + acmeId + "@2026-11-25 10:00:00",
                "io.github.camelokki.okki.company.changed", "okki:company/list?clientId=sim-client",
                String.valueOf(acmeId), "2026-11-25T02:00:00Z");
        assertEquals(companies.all().get(0), WebhookHttpTest.parse(live.getMessage().getBody(String.class)));
        // the deletion failed once and came again on a later poll: under the same id, so a receiver can tell
        Exchange deleted = received.get(1);
        assertCloudEvent(deleted, "company:deleted:" + goneId + "@2026-11-25 10:05:00",
                "io.github.camelokki.okki.company.deleted", "okki:company/list?clientId=sim-client",
                String.valueOf(goneId), null);
        assertEquals(List.of("company:deleted:" + goneId + "@2026-11-25 10:05:00"), failedIds);

        sim.advance(Duration.ofMinutes(20));
        companies.update(acmeId, Map.of("name", "Acme Trading Co."));
        await("the change", Waiting.PATIENCE_MILLIS, () -> received.size() >= 3);
        awaitAWholePoll("sync");

        assertEquals(3, received.size(), "each version once");
        Exchange changed = received.get(2);
        assertCloudEvent(changed, "company:" + acmeId + "@2026-11-25 10:30:00",
                "io.github.camelokki.okki.company.changed", "okki:company/list?clientId=sim-client",
                String.valueOf(acmeId), "2026-11-25T02:30:00Z");
        assertEquals("Acme Trading Co.", WebhookHttpTest.parse(changed.getMessage().getBody(String.class)).get("name"));
        received.forEach(e -> assertNoSecretIn(e, "sim-secret"));
    }
}
