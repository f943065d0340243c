package io.github.camelokki.simulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDateTime;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** One simulator per test class, reset before each test with OKKI's clock frozen at {@link #T0}. */
abstract class SimulatorTestSupport {

    static final LocalDateTime T0 = LocalDateTime.of(2026, 11, 25, 10, 0, 0);

    static OkkiSimulator sim;
    static HttpClient http;

    @BeforeAll
    static void startSimulator() {
        sim = OkkiSimulator.start();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @AfterAll
    static void stopSimulator() {
        sim.stop();
    }

    @BeforeEach
    void freshState() {
        sim.reset();
        sim.setNow(T0);
    }
}
