package io.github.camelokki.okki;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.simulator.OkkiSimulator;
import io.github.camelokki.simulator.junit.OkkiSimulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.SynchronizationAdapter;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Consumer tests against the stateful OKKI simulator. Records what the routes received, so that tests can assert the
 * exact set of record versions delivered.
 */
public abstract class SimulatorTestSupport extends CamelTestSupport {

    /** Starts the simulator for each test class and resets it before each test, before the test's routes start. */
    @RegisterExtension
    static final OkkiSimulatorExtension simulatorExtension = new OkkiSimulatorExtension();

    protected static OkkiSimulator sim;

    /** Every exchange a route sent to {@link #collect}. */
    protected final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void simulator() {
        sim = simulatorExtension.simulator();
    }

    @BeforeEach
    void clearReceived() {
        received.clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("okki", component());
        return context;
    }

    /** An okki component aimed at the simulator, with fast retries. */
    protected static OkkiComponent component() {
        OkkiComponent component = new OkkiComponent();
        OkkiConfiguration conf = component.getConfiguration();
        conf.setBaseUrl(sim.baseUrl());
        conf.setClientId("sim-client");
        conf.setClientSecret("sim-secret");
        conf.setRetryDelay(1);
        conf.setRetryMaxDelay(5);
        return component;
    }

    /** A processor that records the exchange. */
    protected void collect(Exchange exchange) {
        received.add(exchange.copy());
    }

    /**
     * Adds the exchange's record id to the list once the exchange completes successfully: a record whose exchange
     * Camel failed (e.g. rejected by a route stopping under it) counts as not delivered, and is delivered again.
     */
    protected static void recordOnSuccess(Exchange exchange, List<Object> delivered) {
        Object id = exchange.getMessage().getHeader(OkkiConstants.RECORD_ID);
        exchange.getExchangeExtension().addOnCompletion(new SynchronizationAdapter() {
            @Override
            public void onComplete(Exchange completed) {
                delivered.add(id);
            }
        });
    }

    /** The record ids received, in order of arrival. */
    protected static List<Object> ids(Collection<Exchange> exchanges) {
        return exchanges.stream().map(e -> e.getMessage().getHeader(OkkiConstants.RECORD_ID)).toList();
    }

    /** Asserts each id was received exactly once and nothing else was. */
    protected static void assertExactlyOnce(Collection<?> expectedIds, List<Object> receivedIds) {
        Map<Object, Long> counts = receivedIds.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        List<Object> duplicates = new ArrayList<>();
        counts.forEach((id, n) -> {
            if (n > 1) {
                duplicates.add(id + "x" + n);
            }
        });
        assertEquals(List.of(), duplicates, "records delivered more than once");
        assertEquals(new HashMap<>(expectedIds.stream().collect(Collectors.toMap(id -> id, id -> 1L))),
                new HashMap<>(counts), "the records delivered");
    }

    /** Waits for a condition, failing after the timeout. */
    protected static void await(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        Waiting.until(what, timeoutMillis, condition);
    }

    /** The polling consumer of a route of this test's context. */
    protected OkkiPollingConsumer pollingConsumer(String routeId) {
        return (OkkiPollingConsumer) context.getRoute(routeId).getConsumer();
    }

    /** The one okki polling consumer running in a context, also when a wrapping consumer (master:) started it. */
    protected static OkkiPollingConsumer pollingConsumer(CamelContext camel) {
        List<OkkiPollingConsumer> running = camel.getComponent("okki", OkkiComponent.class).getPollingConsumers();
        assertEquals(1, running.size(), "okki polling consumers running in " + camel.getName());
        return running.get(0);
    }

    /**
     * Waits until a whole poll of the route's consumer started after this call and ended: after a change, whatever it
     * leads to has then been delivered, and "nothing more arrives" is proven without sleeping.
     */
    protected void awaitAWholePoll(String routeId) throws InterruptedException {
        awaitAWholePoll(pollingConsumer(routeId));
    }

    /** {@link #awaitAWholePoll(String)} for a consumer of any context. */
    protected static void awaitAWholePoll(OkkiPollingConsumer consumer) throws InterruptedException {
        Waiting.untilAWholePoll(consumer);
    }

    /**
     * Holds one exchange in a route until the test lets it go, so that a stop lands in the middle of a sync on any
     * machine, however fast or busy: the route calls {@link #holdOnce()} where the stop should land, the test waits
     * with {@link #awaitHeld(String)} and stops the context with {@link #stopWhileHeld(CamelContext, Hold)}.
     */
    protected static final class Hold {

        private final AtomicBoolean taken = new AtomicBoolean();
        private final CountDownLatch held = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        /** In the route: the first call blocks until the test releases it (bounded); later calls pass at once. */
        public void holdOnce() throws InterruptedException {
            if (taken.compareAndSet(false, true)) {
                held.countDown();
                if (!released.await(Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException("the test never released the held exchange");
                }
            }
        }

        /** Waits until the route holds its exchange. */
        public void awaitHeld(String what) throws InterruptedException {
            if (!held.await(Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS)) {
                fail("Timed out waiting for " + what);
            }
        }

        void release() {
            released.countDown();
        }
    }

    /**
     * Stops a context while its route holds an exchange: issues the stop, waits until the context is stopping (from
     * then on the consumer goes on to no further record), lets the held exchange go, and waits for the stop to end.
     */
    protected static void stopWhileHeld(CamelContext camel, Hold hold) throws Exception {
        CompletableFuture<Void> stopping = CompletableFuture.runAsync(camel::stop);
        try {
            Waiting.until("the stop of " + camel.getName() + " to begin", Waiting.PATIENCE_MILLIS,
                    () -> camel.isStopping() || camel.isStopped() || stopping.isDone());
        } finally {
            hold.release();
        }
        stopping.get(2 * Waiting.PATIENCE_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** The ids of records, as the simulator holds them. */
    protected static List<Object> idsOf(List<Map<String, Object>> records, String idField) {
        return records.stream().map(r -> r.get(idField)).toList();
    }
}
