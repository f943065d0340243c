package io.github.camelokki.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.loopback.LoopbackOkki;

/**
 * The polling consumer reading {@code pages x pageSize} records (one poll, from {@code initialSync=all}) against the
 * hand-written {@link PagingLoop}, interleaved round by round, outside JMH because every consumer run must start from
 * an empty watermark and key store.
 * <p>
 * One context serves every round: each consumer run starts its route (the consumer then starts with a fresh in-memory
 * watermark and key store, so it reads every record again) with the whole list as one walk, as the loop reads it,
 * waits until the poll that routed the last record has ended, and stops the route. Two routes are measured:
 * {@code okki:company/list} as it comes (one exchange per record) and with {@code splitResult=false} (one exchange
 * per page). Each round runs the three in a rotating order, each after a full collection so that none pays for the
 * garbage of the one before; the first
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
                ConsumerSession session = new ConsumerSession(stub, ConsumerSession.oneWalk(pageSize),
                        Map.of(PER_RECORD, "", PER_PAGE, "&splitResult=false"), false)) {
            for (int round = 0; round < warmups + rounds; round++) {
                double[] ms = new double[3];
                for (int i = 0; i < 3; i++) {
                    int which = (round + i) % 3;
                    // each starts on a clean heap, so none pays for collecting the garbage of the one before
                    System.gc();
                    ms[which] = switch (which) {
                        case 0 -> timeLoop(paging, pageSize, records);
                        case 1 -> session.consume(PER_RECORD, records).millis();
                        default -> session.consume(PER_PAGE, records).millis();
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
        return new Result(records, rounds, Stats.median(perRecord), Stats.median(perPage), Stats.median(loop),
                Stats.median(perRecordRatios), Stats.median(perPageRatios));
    }

    /** Milliseconds for a fresh context's consumer to route {@code records} records, one exchange each. */
    public static double consume(LoopbackOkki stub, int pageSize, long records) throws Exception {
        try (ConsumerSession session = new ConsumerSession(stub, ConsumerSession.oneWalk(pageSize),
                Map.of(PER_RECORD, ""), false)) {
            return session.consume(PER_RECORD, records).millis();
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

}
