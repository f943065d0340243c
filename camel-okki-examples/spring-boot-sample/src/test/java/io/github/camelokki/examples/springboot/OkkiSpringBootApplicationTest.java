package io.github.camelokki.examples.springboot;

import java.util.List;
import java.util.TreeSet;

import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.OkkiPollingConsumer;
import io.github.camelokki.simulator.OkkiSimulator;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Starts the application against the OKKI simulator, configured only through {@code camel.component.okki.*}
 * properties, and checks the route delivers each seeded company exactly once. A plain {@code @SpringBootTest}: Camel's
 * Spring test support is camel-test-spring-junit5 on Spring Boot 3 and camel-test-spring-junit6 on Spring Boot 4, and
 * this test needs neither.
 */
@SpringBootTest(properties = {
        "camel.main.run-controller=false",
        "okki.sample.poll-delay=300",
        "okki.sample.initial-delay=0"})
class OkkiSpringBootApplicationTest {

    private static OkkiSimulator simulator;
    private static List<String> seededIds;

    @DynamicPropertySource
    static void okki(DynamicPropertyRegistry registry) {
        simulator = OkkiSimulator.start();
        seededIds = simulator.records("company").seed(5).stream()
                .map(record -> String.valueOf(record.get("company_id")))
                .toList();
        registry.add("camel.component.okki.base-url", simulator::baseUrl);
        registry.add("camel.component.okki.client-id", () -> "sim-client");
        registry.add("camel.component.okki.client-secret", () -> "sim-secret");
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.stop();
        }
    }

    @Autowired
    CamelContext camelContext;

    @Autowired
    CompanyCollector collector;

    @Test
    void routeDeliversEverySeededCompanyOnce() throws Exception {
        assertEquals(ServiceStatus.Started, camelContext.getRouteController().getRouteStatus("okki-company-sync"));
        // configured by camel-okki-starter from the camel.component.okki.* properties alone
        OkkiConfiguration configuration = camelContext.getComponent("okki", OkkiComponent.class).getConfiguration();
        assertEquals(simulator.baseUrl(), configuration.getBaseUrl());
        assertEquals("sim-client", configuration.getClientId());

        assertEquals(5, collector.awaitAtLeast(5, 60_000), "companies received: " + collector.ids());

        // let a whole poll more run, which must not deliver anything again: the poll counter counts polls as they
        // start, one after the other, so at the value read now plus two the poll after the one under way has ended
        OkkiPollingConsumer consumer = (OkkiPollingConsumer) camelContext.getRoute("okki-company-sync").getConsumer();
        long polls = consumer.getCounter();
        long deadline = System.currentTimeMillis() + 60_000;
        while (consumer.getCounter() < polls + 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(consumer.getCounter() >= polls + 2, "the route kept polling");

        List<String> received = collector.ids();
        assertEquals(5, received.size(), "companies received: " + received);
        assertEquals(new TreeSet<>(seededIds), new TreeSet<>(received));
    }
}
