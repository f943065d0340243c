package io.github.camelokki.kamelets;

import java.util.List;

import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiPollingConsumer;
import io.github.camelokki.simulator.OkkiSimulator;
import io.github.camelokki.simulator.junit.OkkiSimulatorExtension;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs kamelets from the classpath (camel-kamelet's default location, classpath:kamelets) in routes against the OKKI
 * simulator. The kamelets get everything through their properties, as a user's route would: the okki component itself
 * is not configured.
 */
abstract class KameletSimulatorTestSupport extends CamelTestSupport {

    /**
     * How long a test waits for a poll or a record that should come within a few hundred milliseconds: far beyond
     * that, so that a busy 2-core build machine does not fail the test; a correct run never waits this long.
     */
    protected static final long PATIENCE_MILLIS = 60_000;

    /** Resets the simulator before each test, before the Camel context starts (so never under running routes). */
    @RegisterExtension
    static final OkkiSimulatorExtension simulatorExtension = new OkkiSimulatorExtension();

    protected static OkkiSimulator sim;

    @BeforeAll
    static void simulator() {
        sim = simulatorExtension.simulator();
    }

    /**
     * Waits until a whole poll of the okki consumer the kamelet runs started after this call and ended: the poll
     * counter counts polls as they start, one after the other, so at the value read here plus two the poll after the
     * one that may be under way has ended. How a test proves that nothing more arrives, without sleeping.
     */
    protected void awaitAWholePoll() throws InterruptedException {
        List<OkkiPollingConsumer> running = context.getComponent("okki", OkkiComponent.class).getPollingConsumers();
        assertEquals(1, running.size(), "okki polling consumers running");
        OkkiPollingConsumer consumer = running.get(0);
        long polls = consumer.getCounter();
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (consumer.getCounter() < polls + 2) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out waiting for a whole poll after poll " + polls);
            }
            Thread.sleep(10);
        }
    }

    /** The connection properties of okki-source and okki-sink, aimed at the simulator. */
    protected static String connection() {
        return "clientId=sim-client&clientSecret=sim-secret&baseUrl=" + sim.baseUrl();
    }
}
