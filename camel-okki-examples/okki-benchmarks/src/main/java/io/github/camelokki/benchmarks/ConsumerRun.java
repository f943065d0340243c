package io.github.camelokki.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;

/**
 * The polling consumer reading {@code pages x pageSize} records (one poll, from {@code initialSync=all}) against the
 * hand-written {@link PagingLoop}, interleaved round by round: one warm-up round, then {@code rounds} measured ones,
 * each on a fresh context (so a fresh watermark and de-duplication state). The ratio is the loop's time over the
 * consumer's (a rate ratio: above 1 means the consumer is faster), the median over the rounds. Timing starts when the
 * route is started and stops when the last record has been processed.
 */
public final class ConsumerRun {

    /** Median times in milliseconds and the median of the per-round rate ratios. */
    public record Result(long records, int rounds, double consumerMs, double loopMs, double rateRatio) {
    }

    private ConsumerRun() {
    }

    public static Result run(int pages, int pageSize, int rounds) throws Exception {
        long records = (long) pages * pageSize;
        List<Double> consumer = new ArrayList<>();
        List<Double> loop = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        try (LoopbackOkki stub = LoopbackOkki.builder().pages(pages, pageSize).start();
                PagingLoop paging = new PagingLoop(stub)) {
            for (int round = 0; round <= rounds; round++) {
                long start = System.nanoTime();
                long[] seen = new long[1];
                long n = paging.readAll(pageSize, r -> seen[0]++);
                double loopMs = (System.nanoTime() - start) / 1e6;
                if (n != records) {
                    throw new IllegalStateException("the loop read " + n + " records, not " + records);
                }
                double consumerMs = consume(stub, pageSize, records);
                if (round > 0) {
                    consumer.add(consumerMs);
                    loop.add(loopMs);
                    ratios.add(loopMs / consumerMs);
                }
            }
        }
        return new Result(records, rounds, median(consumer), median(loop), median(ratios));
    }

    /** Milliseconds for a fresh consumer to deliver {@code records} records, one exchange each. */
    public static double consume(LoopbackOkki stub, int pageSize, long records) throws Exception {
        CamelContext context = Fixtures.okkiContext(stub);
        AtomicLong delivered = new AtomicLong();
        CountDownLatch done = new CountDownLatch(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?pageSize=" + pageSize + "&initialSync=all&initialDelay=0&delay=3600000")
                        .routeId("consumer").autoStartup(false)
                        .process(exchange -> {
                            if (delivered.incrementAndGet() == records) {
                                done.countDown();
                            }
                        });
            }
        });
        context.start();
        try {
            long start = System.nanoTime();
            context.getRouteController().startRoute("consumer");
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the consumer delivered " + delivered.get() + " of " + records);
            }
            return (System.nanoTime() - start) / 1e6;
        } finally {
            context.close();
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
