package io.github.camelokki.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelokki.simulator.loopback.FaultPlan;
import io.github.camelokki.simulator.loopback.LoopbackFault;
import io.github.camelokki.simulator.loopback.LoopbackOkki;

/**
 * A first sync of {@code records} companies through transient faults, against the same sync without them.
 * <p>
 * Two loopback stubs hold the same {@code records} companies, their update times spread over the past week: one
 * answers every request, the other spoils {@code faultPercent} % of the data requests, equally often with HTTP 500,
 * HTTP 503, a gateway's HTML 502, a connection reset and an HTTP 200 envelope with code 500 (the failures a retry
 * overcomes). Each is read by an {@code okki:company/list} consumer with the options a user gets: time slices of at
 * most 5,000 records (maxSliceRecords), the watermark moved after each as a checkpoint, 3 retries from 500 ms
 * doubling, the in-memory key store, a poll every 500 ms; only {@code initialDelay=0} is set. A run syncs from both
 * stubs, in an order that alternates from run to run, each time from an empty state, until the first poll that ends
 * with every company routed (a failed poll is resumed by the next one, and counts).
 * <p>
 * Reported over {@code runs} runs, median and range: the data requests of the faulty sync relative to the clean one
 * in the same run (target at most 1.1), records routed more than once (target 0), the faults injected, and the
 * wall times.
 * <p>
 * Run: {@code java -cp camel-okki-examples/okki-benchmarks/target/okki-benchmarks.jar
 * io.github.camelokki.benchmarks.FaultyFirstSyncRun 100000 3 5} (records, fault %, runs).
 */
public final class FaultyFirstSyncRun {

    private static final String ROUTE = "sync";
    private static final String URI = "okki:company/list?initialDelay=0";
    private static final String CLEAN = "clean";
    private static final String FAULTY = "faulty";

    private FaultyFirstSyncRun() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double faultPercent = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Map<LoopbackFault, Integer> kinds = new EnumMap<>(LoopbackFault.class);
        for (LoopbackFault kind : List.of(LoopbackFault.STATUS_500, LoopbackFault.STATUS_503, LoopbackFault.HTML_502,
                LoopbackFault.RESET, LoopbackFault.ENVELOPE_500)) {
            kinds.put(kind, 1);
        }
        FaultPlan plan = new FaultPlan(faultPercent / 100, kinds, Duration.ZERO, Duration.ZERO, 17, false);
        List<Double> callRatios = new ArrayList<>();
        Map<String, List<Double>> calls = lists();
        Map<String, List<Double>> duplicates = lists();
        Map<String, List<Double>> seconds = lists();
        List<Double> faults = new ArrayList<>();
        try (LoopbackOkki clean = LoopbackOkki.builder().companies(records).start();
                LoopbackOkki faulty = LoopbackOkki.builder().companies(records).faults(plan).start();
                ConsumerSession cleanSync = new ConsumerSession(clean, URI, Map.of(ROUTE, ""), true);
                ConsumerSession faultySync = new ConsumerSession(faulty, URI, Map.of(ROUTE, ""), true)) {
            for (int run = 0; run < runs; run++) {
                Map<String, ConsumerSession.Run> done = new LinkedHashMap<>();
                long faultsBefore = faulty.injectedTotal();
                for (String variant : run % 2 == 0 ? List.of(CLEAN, FAULTY) : List.of(FAULTY, CLEAN)) {
                    System.gc();
                    done.put(variant, (CLEAN.equals(variant) ? cleanSync : faultySync).consume(ROUTE, records));
                }
                faults.add((double) (faulty.injectedTotal() - faultsBefore));
                callRatios.add((double) done.get(FAULTY).dataRequests() / done.get(CLEAN).dataRequests());
                done.forEach((variant, result) -> {
                    calls.get(variant).add((double) result.dataRequests());
                    duplicates.get(variant).add((double) result.duplicates());
                    seconds.get(variant).add(result.millis() / 1000);
                });
                System.out.printf(Locale.ROOT, "run %d: clean %s; faulty %s, %.0f faults injected%n", run + 1,
                        describe(done.get(CLEAN)), describe(done.get(FAULTY)), faults.get(run));
            }
        }
        System.out.printf(Locale.ROOT, "First sync of %,d records with %.1f %% of data requests spoiled (5xx, resets,"
                + " envelope code 500), default consumer options, %d runs: median (min - max)%n", records,
                faultPercent, runs);
        print("data requests, clean", calls.get(CLEAN), "%.0f");
        print("data requests, faulty", calls.get(FAULTY), "%.0f");
        print("faults injected", faults, "%.0f");
        print("calls x clean run (target <= 1.10)", callRatios, "%.3f");
        print("records routed twice, faulty (target 0)", duplicates.get(FAULTY), "%.0f");
        print("records routed twice, clean", duplicates.get(CLEAN), "%.0f");
        print("wall time s, clean", seconds.get(CLEAN), "%.1f");
        print("wall time s, faulty", seconds.get(FAULTY), "%.1f");
    }

    private static Map<String, List<Double>> lists() {
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        lists.put(CLEAN, new ArrayList<>());
        lists.put(FAULTY, new ArrayList<>());
        return lists;
    }

    private static String describe(ConsumerSession.Run run) {
        return String.format(Locale.ROOT, "%d data requests, %d routed twice, %.1f s", run.dataRequests(),
                run.duplicates(), run.millis() / 1000);
    }

    private static void print(String what, List<Double> values, String format) {
        System.out.printf(Locale.ROOT, "  %-42s " + format + " (" + format + " - " + format + ")%n", what,
                Stats.median(values), Stats.min(values), Stats.max(values));
    }
}
