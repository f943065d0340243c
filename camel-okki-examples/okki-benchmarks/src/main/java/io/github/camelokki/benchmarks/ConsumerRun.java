package io.github.camelokki.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * The polling consumer reading {@code pages x pageSize} records (one poll, from {@code initialSync=all}) against the
 * hand-written {@link PagingLoop}, interleaved round by round, outside JMH because every consumer run must start from
 * an empty watermark and key store.
 * <p>
 * One context serves every round: each consumer run starts its route (the consumer then starts with a fresh in-memory
 * watermark and key store, so it reads every record again), waits until the last record has been routed, and stops
 * the route. Two routes are measured: {@code okki:company/list} as it comes (one exchange per record) and with
 * {@code splitResult=false} (one exchange per page). Each round runs the three in a rotating order, each after a
 * full collection so that none pays for the garbage of the one before; the first
 * {@code warmups} rounds are not counted, since the JIT needs about a million records through the consumer before its
 * speed settles. The figures are medians over the counted rounds; a ratio is the loop's time over the consumer's (a
 * rate ratio: above 1 means the consumer is faster).
 */
public final class ConsumerRun {

    /** Median times in milliseconds and the medians of the per-round rate ratios. */
    public record Result(long records, int rounds, double perRecordMs, double perPageMs, double loopMs,
            double perRecordRatio, double perPageRatio) {
    }

    private static final String PER_RECORD = "perRecord";
    private static final String PER_PAGE = "perPage";

    private ConsumerRun() {
    }

    public static Result run(int pages, int pageSize, int warmups, int rounds) throws Exception {
        long records = (long) pages * pageSize;
        List<Double> perRecord = new ArrayList<>();
        List<Double> perPage = new ArrayList<>();
        List<Double> loop = new ArrayList<>();
        List<Double> perRecordRatios = new ArrayList<>();
        List<Double> perPageRatios = new ArrayList<>();
        try (LoopbackOkki stub = LoopbackOkki.builder().pages(pages, pageSize).start();
                PagingLoop paging = new PagingLoop(stub);
                Session session = new Session(stub, pageSize)) {
            for (int round = 0; round < warmups + rounds; round++) {
                double[] ms = new double[3];
                for (int i = 0; i < 3; i++) {
                    int which = (round + i) % 3;
                    // each starts on a clean heap, so none pays for collecting the garbage of the one before
                    System.gc();
                    ms[which] = switch (which) {
                        case 0 -> timeLoop(paging, pageSize, records);
                        case 1 -> session.consume(PER_RECORD, records);
                        default -> session.consume(PER_PAGE, records);
                    };
                }
                if (round >= warmups) {
                    loop.add(ms[0]);
                    perRecord.add(ms[1]);
                    perPage.add(ms[2]);
                    perRecordRatios.add(ms[0] / ms[1]);
                    perPageRatios.add(ms[0] / ms[2]);
                }
            }
        }
        return new Result(records, rounds, median(perRecord), median(perPage), median(loop), median(perRecordRatios),
                median(perPageRatios));
    }

    /** Milliseconds for a fresh context's consumer to route {@code records} records, one exchange each. */
    public static double consume(LoopbackOkki stub, int pageSize, long records) throws Exception {
        try (Session session = new Session(stub, pageSize)) {
            return session.consume(PER_RECORD, records);
        }
    }

    private static double timeLoop(PagingLoop paging, int pageSize, long records) throws Exception {
        long start = System.nanoTime();
        long[] seen = new long[1];
        long n = paging.readAll(pageSize, r -> seen[0]++);
        double ms = (System.nanoTime() - start) / 1e6;
        if (n != records) {
            throw new IllegalStateException("the loop read " + n + " records, not " + records);
        }
        return ms;
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A started context with the two consumer routes, stopped until a run starts one. */
    private static final class Session implements AutoCloseable {
        private final CamelContext context;
        private final AtomicLong routed = new AtomicLong();
        private volatile long expected;
        private volatile CountDownLatch done;

        Session(LoopbackOkki stub, int pageSize) throws Exception {
            context = Fixtures.okkiContext(stub);
            String uri = "okki:company/list?pageSize=" + pageSize + "&initialSync=all&initialDelay=0&delay=3600000";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri).routeId(PER_RECORD).autoStartup(false).process(Session.this::count);
                    from(uri + "&splitResult=false").routeId(PER_PAGE).autoStartup(false)
                            .process(Session.this::count);
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
                if (!done.await(10, TimeUnit.MINUTES)) {
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
}
