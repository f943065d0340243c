package io.github.camelokki.kamelets;

import io.github.camelokki.simulator.OkkiSimulator;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs kamelets from the classpath (camel-kamelet's default location, classpath:kamelets) in routes against the OKKI
 * simulator. The kamelets get everything through their properties, as a user's route would: the okki component itself
 * is not configured.
 */
abstract class KameletSimulatorTestSupport extends CamelTestSupport {

    protected static OkkiSimulator sim;

    @BeforeAll
    static void startSimulator() {
        sim = OkkiSimulator.start();
    }

    @AfterAll
    static void stopSimulator() {
        sim.stop();
    }

    /** Runs before the Camel context starts (a JUnit @BeforeEach here would run after it, under running routes). */
    @Override
    protected void doPreSetup() throws Exception {
        super.doPreSetup();
        sim.reset();
    }

    /** The connection properties of okki-source and okki-sink, aimed at the simulator. */
    protected static String connection() {
        return "clientId=sim-client&clientSecret=sim-secret&baseUrl=" + sim.baseUrl();
    }
}
