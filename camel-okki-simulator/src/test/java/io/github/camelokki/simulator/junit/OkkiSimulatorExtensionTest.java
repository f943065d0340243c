package io.github.camelokki.simulator.junit;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.simulator.Fault;
import io.github.camelokki.simulator.OkkiSimulator;
import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * The extension's lifecycle, proven by running small test classes (the nested static classes below, which Surefire
 * does not pick up on their own) with JUnit's launcher and looking at what they saw and left behind.
 */
class OkkiSimulatorExtensionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The simulator each test class of a run saw, in the order the classes ran. */
    private static final List<Seen> SEEN = new CopyOnWriteArrayList<>();

    private record Seen(OkkiSimulator simulator, String baseUrl) {
    }

    @Test
    void eachTestClassGetsItsOwnSimulatorStartedOnceResetBeforeEachTestAndStoppedAfterItsLastTest() throws Exception {
        SEEN.clear();

        run(6, FirstClass.class, SecondClass.class);

        assertEquals(2, SEEN.size(), "one simulator per class: " + SEEN);
        assertNotSame(SEEN.get(0).simulator(), SEEN.get(1).simulator());
        for (Seen stopped : SEEN) {
            assertThrows(ConnectException.class, () -> get(stopped.baseUrl() + "/v1/company/list", "any"),
                    "still serving after its class: " + stopped.baseUrl());
        }
    }

    @Test
    void declaredWithExtendWithItResolvesTheSimulatorAndSharesItWithNestedClasses() {
        run(2, Declared.class);
    }

    @Test
    void withLoopbackBothFrontEndsServeOneOkki() {
        run(2, WithLoopback.class);
    }

    @Test
    void outsideATestClassItSaysHowToRegisterIt() {
        OkkiSimulatorExtension idle = new OkkiSimulatorExtension();

        IllegalStateException noSimulator = assertThrows(IllegalStateException.class, idle::simulator);
        assertEquals("No OKKI simulator runs: OkkiSimulatorExtension starts one before a test class's first test when"
                + " it is registered on a static field (@RegisterExtension) or with @ExtendWith, and stops it after the"
                + " class's last test", noSimulator.getMessage());
    }

    /** Runs test classes as Surefire would and fails unless all their tests, as many as expected, passed. */
    private static void run(int expectedTests, Class<?>... testClasses) {
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request();
        for (Class<?> testClass : testClasses) {
            request.selectors(selectClass(testClass));
        }
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        LauncherFactory.create().execute(request.build(), listener);
        TestExecutionSummary summary = listener.getSummary();
        StringBuilder failures = new StringBuilder();
        summary.getFailures().forEach(f -> failures.append('\n').append(f.getTestIdentifier().getDisplayName())
                .append(": ").append(f.getException()));
        assertEquals(0, summary.getTotalFailureCount(), failures.toString());
        assertEquals(expectedTests, summary.getTestsSucceededCount(), "tests that ran and passed");
    }

    private static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    // --- the test classes run above ---

    /** Tests in a row on one static extension: what the first changes, the next does not find. */
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    abstract static class SharedExtension {

        @RegisterExtension
        static final OkkiSimulatorExtension okki = new OkkiSimulatorExtension();

        @Test
        @Order(1)
        void changesEverythingAResetForgets() {
            SEEN.add(new Seen(okki.simulator(), okki.baseUrl()));
            okki.records("company").seed(3);
            okki.faults().rate(1.0).kinds(Fault.HTTP_500);
            okki.simulator().webhook().configure("https://hooks.example.com/okki");
            assertEquals(3, okki.records("company").size());
        }

        @Test
        @Order(2)
        void findsTheSameSimulatorFresh() throws Exception {
            assertSame(SEEN.get(SEEN.size() - 1).simulator(), okki.simulator(), "started once for the class");
            assertEquals(0, okki.records("company").size());
            assertEquals(0.0, okki.faults().rate());
            assertNull(okki.simulator().webhook().callbackUrl());
            assertEquals(0, okki.simulator().requestCount());

            HttpResponse<String> list = get(okki.baseUrl() + "/v1/company/list", okki.simulator().issueToken());

            assertEquals(200, list.statusCode(), "no fault left: " + list.body());
            assertEquals(1, okki.simulator().requestCount("/v1/company/list"));
        }

        @Test
        @Order(3)
        void refusesALoopbackItDoesNotRunSayingHowToGetOne() {
            IllegalStateException e = assertThrows(IllegalStateException.class, okki::loopback);
            assertEquals("This OkkiSimulatorExtension has no loopback front end: register it as new"
                    + " OkkiSimulatorExtension().withLoopback()", e.getMessage());
        }
    }

    static class FirstClass extends SharedExtension {
    }

    static class SecondClass extends SharedExtension {
    }

    @ExtendWith(OkkiSimulatorExtension.class)
    static class Declared {

        static OkkiSimulator before;

        @BeforeAll
        static void simulator(OkkiSimulator sim) {
            before = sim;
            sim.records("order").seed(2);
        }

        @Test
        void theTestGetsTheSimulatorOfItsClassResetBeforeIt(OkkiSimulator sim) {
            assertSame(before, sim);
            assertEquals(0, sim.records("order").size());
        }

        @Nested
        class Inner {

            @Test
            void sharesTheSimulatorOfTheClassAroundIt(OkkiSimulator sim) {
                assertSame(before, sim);
            }
        }
    }

    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class WithLoopback {

        @RegisterExtension
        static final OkkiSimulatorExtension okki = new OkkiSimulatorExtension().withLoopback();

        @Test
        @Order(1)
        void aRecordSeededInTheSimulatorIsServedByTheLoopback(OkkiSimulator sim, LoopbackOkki loopback)
                throws Exception {
            Object id = sim.records("company").seed(1).get(0).get("company_id");

            HttpResponse<String> info = get(loopback.baseUrl() + "/v1/company/info?company_id=" + id,
                    sim.issueToken());

            assertEquals(200, info.statusCode());
            Map<?, ?> data = (Map<?, ?>) JSON.readValue(info.body(), Map.class).get("data");
            assertEquals(String.valueOf(id), String.valueOf(data.get("company_id")));
            assertEquals(sim.records("company").get(id).get("name"), data.get("name"));
            assertEquals(1, loopback.dataRequests());
            assertSame(okki.loopback(), loopback);
        }

        @Test
        @Order(2)
        void theNextTestFindsBothEmptyAndTheLoopbacksCountsZeroed(LoopbackOkki loopback) {
            assertEquals(0, loopback.model().records("company").size());
            assertEquals(0, loopback.dataRequests());
            assertEquals(0, loopback.requests());
        }
    }
}
