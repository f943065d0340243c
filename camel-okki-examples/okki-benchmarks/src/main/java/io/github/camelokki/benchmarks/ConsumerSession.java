package io.github.camelokki.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;

/**
 * A started context with one stopped {@code okki:company/list} consumer route per variant; a run starts one route (its
 * consumer then starts with a fresh in-memory watermark and key store, so it reads every record again), waits until
 * the first poll that ends with every record routed, and stops the route. The end is taken when that poll ends (a
 * poll strategy sees it on the polling thread, before the next poll can start), so the data requests counted are
 * exactly those of the sync: failed polls resumed included, later polls left out.
 */
final class ConsumerSession implements AutoCloseable {

    /** What one run did: its time, the data requests the stub received, and records routed more than once. */
    record Run(double millis, long dataRequests, long duplicates) {
    }

    private static final String POLLS = "benchmarkPolls";

    private final LoopbackOkki stub;
    private final CamelContext context;
    private final boolean trackIds;
    private final Set<Object> ids = ConcurrentHashMap.newKeySet();
    private final AtomicLong routed = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private volatile long expected;
    private volatile long requestsBefore;
    private volatile long requestsAtEnd;
    private volatile CountDownLatch done;

    /**
     * The consumer reading the list in one walk ({@code maxSliceRecords} above any account) from
     * {@code initialSync=all}, polled once an hour: the same requests as the hand-written loop, one poll per run.
     */
    static String oneWalk(int pageSize) {
        return "okki:company/list?pageSize=" + pageSize + "&initialSync=all&initialDelay=0&delay=3600000"
                + "&maxSliceRecords=" + Integer.MAX_VALUE;
    }

    /**
     * @param uri      the consumer's endpoint URI, with at least one option
     * @param variants route id to the URI options it adds
     * @param trackIds whether to count records routed twice by their ids (costs a set insert per record; only for
     *                 routes with one exchange per record)
     */
    ConsumerSession(LoopbackOkki stub, String uri, Map<String, String> variants, boolean trackIds) throws Exception {
        this.stub = stub;
        this.trackIds = trackIds;
        context = Fixtures.okkiContext(stub);
        context.getRegistry().bind(POLLS, new EndOfSync());
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                variants.forEach((routeId, options) -> from(uri + "&pollStrategy=#" + POLLS + options)
                        .routeId(routeId).autoStartup(false).process(ConsumerSession.this::count));
            }
        });
        context.start();
    }

    private void count(Exchange exchange) {
        Object body = exchange.getMessage().getBody();
        routed.addAndGet(body instanceof List<?> page ? page.size() : 1);
        if (trackIds && !ids.add(exchange.getMessage().getHeader(OkkiConstants.RECORD_ID))) {
            duplicates.incrementAndGet();
        }
    }

    /** Times the route from its start to the end of the poll that completed the sync of {@code records} records. */
    Run consume(String routeId, long records) throws Exception {
        routed.set(0);
        duplicates.set(0);
        ids.clear();
        expected = records;
        done = new CountDownLatch(1);
        requestsBefore = stub.dataRequests();
        long start = System.nanoTime();
        context.getRouteController().startRoute(routeId);
        try {
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException(routeId + " routed " + routed.get() + " of " + records + " records");
            }
            return new Run((System.nanoTime() - start) / 1e6, requestsAtEnd - requestsBefore, duplicates.get());
        } finally {
            context.getRouteController().stopRoute(routeId);
        }
    }

    /** Whether every record has been routed: each id once at least, or as many records as expected. */
    private boolean complete() {
        return trackIds ? ids.size() >= expected : routed.get() >= expected;
    }

    @Override
    public void close() throws Exception {
        context.close();
    }

    /** Takes the end of the first successful poll after which the sync is complete; otherwise Camel's default. */
    private final class EndOfSync extends DefaultPollingConsumerPollStrategy {
        @Override
        public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
            CountDownLatch latch = done;
            if (latch != null && latch.getCount() > 0 && complete()) {
                requestsAtEnd = stub.dataRequests();
                latch.countDown();
            }
        }
    }
}
