package io.github.camelokki.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelokki.simulator.loopback.LoopbackOkki;

/**
 * A first sync bound by OKKI's round trips: {@code records} companies from the loopback stub answering every data
 * request after {@code latencyMs} (OKKI answers in 100 ms and more from outside China), read by the hand-written
 * sequential {@link PagingLoop} (the baseline) and by the consumer with readAheadPages 1 (the default), 4 and 8, in
 * a rotating order, {@code runs} times. Reports each variant's wall time and its ratio to the loop's time in the same
 * run (above 1: faster than the loop), median and range over the runs, and the data requests each made relative to
 * the loop's.
 * <p>
 * Run: {@code mvn -B -q package -DskipTests && java -cp camel-okki-examples/okki-benchmarks/target/okki-benchmarks.jar
 * io.github.camelokki.benchmarks.BackfillRun 100000 100 3} (records, latency in ms, runs; about 4 minutes a run at
 * those figures).
 */
public final class BackfillRun {

    private static final int PAGE_SIZE = 100;
    private static final String LOOP = "loop";
    private static final Map<String, String> CONSUMERS = new LinkedHashMap<>();

    static {
        CONSUMERS.put("readAheadPages=1", "");
        CONSUMERS.put("readAheadPages=4", "&readAheadPages=4");
        CONSUMERS.put("readAheadPages=8", "&readAheadPages=8");
    }

    private BackfillRun() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int latencyMs = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> variants = new ArrayList<>(List.of(LOOP));
        variants.addAll(CONSUMERS.keySet());
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        Map<String, List<Double>> calls = new LinkedHashMap<>();
        variants.forEach(v -> {
            millis.put(v, new ArrayList<>());
            ratios.put(v, new ArrayList<>());
            calls.put(v, new ArrayList<>());
        });
        try (LoopbackOkki stub = LoopbackOkki.builder().companies(records).latency(Duration.ofMillis(latencyMs))
                .start();
                PagingLoop loop = new PagingLoop(stub);
                ConsumerSession session = new ConsumerSession(stub, ConsumerSession.oneWalk(PAGE_SIZE), CONSUMERS,
                        false)) {
            for (int run = 0; run < runs; run++) {
                Map<String, Double> ms = new LinkedHashMap<>();
                Map<String, Long> requests = new LinkedHashMap<>();
                for (int i = 0; i < variants.size(); i++) {
                    String variant = variants.get((run + i) % variants.size());
                    if (LOOP.equals(variant)) {
                        long before = stub.dataRequests();
                        ms.put(variant, timeLoop(loop, records));
                        requests.put(variant, stub.dataRequests() - before);
                    } else {
                        ConsumerSession.Run consumed = session.consume(variant, records);
                        ms.put(variant, consumed.millis());
                        requests.put(variant, consumed.dataRequests());
                    }
                }
                for (String variant : variants) {
                    millis.get(variant).add(ms.get(variant));
                    ratios.get(variant).add(ms.get(LOOP) / ms.get(variant));
                    calls.get(variant).add((double) requests.get(variant) / requests.get(LOOP));
                }
            }
        }
        System.out.printf(Locale.ROOT, "First sync of %d records, %d ms a round trip, %d runs: median (min - max)%n",
                records, latencyMs, runs);
        for (String variant : variants) {
            List<Double> ms = millis.get(variant);
            List<Double> ratio = ratios.get(variant);
            System.out.printf(Locale.ROOT, "  %-17s %8.0f ms (%.0f - %.0f)   x loop speed %5.2f (%.2f - %.2f)"
                    + "   calls x loop %.2f%n", variant, Stats.median(ms), Stats.min(ms), Stats.max(ms),
                    Stats.median(ratio), Stats.min(ratio), Stats.max(ratio), Stats.median(calls.get(variant)));
        }
    }

    private static double timeLoop(PagingLoop loop, long records) throws Exception {
        long start = System.nanoTime();
        long read = loop.readAll(PAGE_SIZE, record -> { });
        if (read != records) {
            throw new IllegalStateException("the loop read " + read + " records, not " + records);
        }
        return (System.nanoTime() - start) / 1e6;
    }
}
