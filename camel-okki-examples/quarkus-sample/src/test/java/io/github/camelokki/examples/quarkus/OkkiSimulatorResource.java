package io.github.camelokki.examples.quarkus;

import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.OkkiSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts the OKKI simulator seeded with five companies before the application, and points the okki component at it
 * through the {@code camel.component.okki.*} properties alone.
 */
public class OkkiSimulatorResource implements QuarkusTestResourceLifecycleManager {

    static volatile OkkiSimulator simulator;
    static volatile List<String> seededIds;

    @Override
    public Map<String, String> start() {
        simulator = OkkiSimulator.start();
        seededIds = simulator.records("company").seed(5).stream()
                .map(record -> String.valueOf(record.get("company_id")))
                .toList();
        return Map.of(
                "camel.component.okki.base-url", simulator.baseUrl(),
                "camel.component.okki.client-id", "sim-client",
                "camel.component.okki.client-secret", "sim-secret");
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.stop();
            simulator = null;
        }
    }
}
