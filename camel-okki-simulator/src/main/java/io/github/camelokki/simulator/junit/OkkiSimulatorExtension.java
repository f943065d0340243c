package io.github.camelokki.simulator.junit;

import java.io.IOException;
import java.util.Optional;

import io.github.camelokki.simulator.Faults;
import io.github.camelokki.simulator.OkkiSimulator;
import io.github.camelokki.simulator.Records;
import io.github.camelokki.simulator.loopback.FaultPlan;
import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs an {@link OkkiSimulator} for a test class: started before the class's first test, back to a fresh OKKI
 * ({@link OkkiSimulator#reset()}: no records, tokens, webhook, faults or counts; the clock is left alone) before each
 * test, stopped after the class's last test. {@link #withLoopback()} also serves the same OKKI through a
 * {@link LoopbackOkki}, so that a test can reach one set of records through both front ends.
 * <pre>{@code
 * @RegisterExtension
 * static final OkkiSimulatorExtension okki = new OkkiSimulatorExtension();
 *
 * @Test
 * void listsCompanies() {
 *     okki.records("company").seed(5);
 *     // aim the okki component at okki.baseUrl(), client "sim-client" / "sim-secret"
 * }
 * }</pre>
 * Registered on a static field as above, or with {@code @ExtendWith(OkkiSimulatorExtension.class)}; either way
 * {@link OkkiSimulator} (and {@link LoopbackOkki}, with the loopback) can be a parameter of the test class's
 * constructor, test and lifecycle methods, {@code @BeforeAll} ones included. The reset runs before any
 * {@code @BeforeEach} method, so before {@code CamelTestSupport} starts a test's routes.
 * <p>
 * One extension instance serves one test class at a time (a static field of an abstract base class serves each of
 * its test classes in turn) and the {@code @Nested} classes inside it, which share its simulator; JUnit's default
 * sequential execution does exactly that.
 */
public final class OkkiSimulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    /** The loopback's faults; null: no loopback front end. */
    private final FaultPlan loopbackFaults;
    private volatile Running running;

    /** The WireMock front end only. */
    public OkkiSimulatorExtension() {
        this(null);
    }

    private OkkiSimulatorExtension(FaultPlan loopbackFaults) {
        this.loopbackFaults = loopbackFaults;
    }

    /** Also serves the simulator's OKKI through a {@link LoopbackOkki}, without faults. */
    public OkkiSimulatorExtension withLoopback() {
        return withLoopback(FaultPlan.NONE);
    }

    /** Also serves the simulator's OKKI through a {@link LoopbackOkki} that spoils requests as the plan says. */
    public OkkiSimulatorExtension withLoopback(FaultPlan faults) {
        return new OkkiSimulatorExtension(faults);
    }

    /** The simulator of the test class being run. */
    public OkkiSimulator simulator() {
        return current().simulator();
    }

    /** Where the simulator serves OKKI's API, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return simulator().baseUrl();
    }

    /** The simulator's records of a resource (company, order, ...). */
    public Records records(String resource) {
        return simulator().records(resource);
    }

    /** The faults the simulator injects; none at the start of each test. */
    public Faults faults() {
        return simulator().faults();
    }

    /** The loopback front end over the simulator's OKKI, its counters zeroed before each test. */
    public LoopbackOkki loopback() {
        LoopbackOkki loopback = current().loopback();
        if (loopback == null) {
            throw new IllegalStateException("This OkkiSimulatorExtension has no loopback front end: register it as"
                    + " new OkkiSimulatorExtension().withLoopback()");
        }
        return loopback;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Running now = running;
        if (now != null) {
            if (isWithin(context, now.owner())) {
                return; // a @Nested class: it shares the simulator of the class around it
            }
            throw new IllegalStateException("OkkiSimulatorExtension already runs a simulator for "
                    + now.owner().getDisplayName() + " and cannot serve " + context.getDisplayName()
                    + " at the same time: run test classes that share one extension one after the other, or give"
                    + " each its own extension");
        }
        running = start(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Running now = current();
        now.simulator().reset();
        if (now.loopback() != null) {
            now.loopback().resetCounters();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Running now = running;
        if (now != null && now.owner().getUniqueId().equals(context.getUniqueId())) {
            running = null;
            now.stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == OkkiSimulator.class || type == LoopbackOkki.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        try {
            return parameter.getParameter().getType() == OkkiSimulator.class ? simulator() : loopback();
        } catch (IllegalStateException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private Running current() {
        Running now = running;
        if (now == null) {
            throw new IllegalStateException("No OKKI simulator runs: OkkiSimulatorExtension starts one before a test"
                    + " class's first test when it is registered on a static field (@RegisterExtension) or with"
                    + " @ExtendWith, and stops it after the class's last test");
        }
        return now;
    }

    private Running start(ExtensionContext owner) throws IOException {
        OkkiSimulator simulator = OkkiSimulator.start();
        try {
            LoopbackOkki loopback = loopbackFaults == null ? null
                    : LoopbackOkki.builder().model(simulator.model()).faults(loopbackFaults).start();
            return new Running(owner, simulator, loopback);
        } catch (IOException | RuntimeException e) {
            simulator.stop();
            throw e;
        }
    }

    private static boolean isWithin(ExtensionContext context, ExtensionContext owner) {
        for (Optional<ExtensionContext> c = context.getParent(); c.isPresent(); c = c.get().getParent()) {
            if (c.get().getUniqueId().equals(owner.getUniqueId())) {
                return true;
            }
        }
        return false;
    }

    /** The front ends started for one test class. */
    private record Running(ExtensionContext owner, OkkiSimulator simulator, LoopbackOkki loopback) {

        void stop() {
            try {
                if (loopback != null) {
                    loopback.close();
                }
            } finally {
                simulator.stop();
            }
        }
    }
}
