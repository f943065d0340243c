package io.github.camelokki.benchmarks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * A started context with one stopped {@code okki:company/list} consumer route per variant; a run starts one route (its
 * consumer then starts with a fresh in-memory watermark and key store, so it reads every record again), waits until
 * the last record has been routed, and stops it.
 */
final class ConsumerSession implements AutoCloseable {

    private final CamelContext context;
    private final AtomicLong routed = new AtomicLong();
    private volatile long expected;
    private volatile CountDownLatch done;

    /**
     * @param variants route id to the URI options it adds. The stub has no time window, so the consumer reads the
     *                 list in one walk (maxSliceRecords above any account), as the hand-written loop does.
     */
    ConsumerSession(LoopbackOkki stub, int pageSize, Map<String, String> variants) throws Exception {
        context = Fixtures.okkiContext(stub);
        String uri = "okki:company/list?pageSize=" + pageSize + "&initialSync=all&initialDelay=0&delay=3600000"
                + "&maxSliceRecords=" + Integer.MAX_VALUE;
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                variants.forEach((routeId, options) -> from(uri + options).routeId(routeId).autoStartup(false)
                        .process(ConsumerSession.this::count));
            }
        });
        context.start();
    }

    private void count(Exchange exchange) {
        long n = exchange.getMessage().getBody() instanceof List<?> page ? page.size() : 1;
        if (routed.addAndGet(n) == expected) {
            done.countDown();
        }
    }

    /** Milliseconds from starting the route to its last record routed. */
    double consume(String routeId, long records) throws Exception {
        routed.set(0);
        expected = records;
        done = new CountDownLatch(1);
        long start = System.nanoTime();
        context.getRouteController().startRoute(routeId);
        try {
            if (!done.await(30, TimeUnit.MINUTES)) {
                throw new IllegalStateException(routeId + " routed " + routed.get() + " of " + records + " records");
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            context.getRouteController().stopRoute(routeId);
        }
    }

    @Override
    public void close() throws Exception {
        context.close();
    }
}
