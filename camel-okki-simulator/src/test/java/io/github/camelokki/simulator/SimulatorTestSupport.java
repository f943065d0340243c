package io.github.camelokki.simulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;

import io.github.camelokki.simulator.junit.OkkiSimulatorExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One simulator per test class, reset before each test with OKKI's clock frozen at {@link #T0}. */
abstract class SimulatorTestSupport {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 10, 0, 0);

    @RegisterExtension
    static final OkkiSimulatorExtension simulatorExtension = new OkkiSimulatorExtension();

    static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static OkkiSimulator sim;

    @BeforeAll
    static void simulator() {
        sim = simulatorExtension.simulator();
    }

    @BeforeEach
    void frozenClock() {
        sim.setNow(T0);
    }
}
