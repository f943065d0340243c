package io.github.camelokki.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.camelokki.simulator.loopback.FaultPlan;
import io.github.camelokki.simulator.loopback.LoopbackFault;
import io.github.camelokki.simulator.loopback.LoopbackOkki;

/**
 * A first sync of {@code records} companies through transient faults: the loopback stub spoils {@code faultPercent} %
 * of data requests (HTTP 500 and 503, connection resets, a gateway's HTML 502, bodies cut short), and a clean stub
 * serves the same list as the baseline. Reports, per run, the data requests of the faulty sync relative to the clean
 * one and the records routed twice; median and range over {@code runs} runs (each with its own fault seed).
 * <p>
 * Run: {@code mvn -B -q package -DskipTests && java -cp camel-okki-examples/okki-benchmarks/target/okki-benchmarks.jar
 * io.github.camelokki.benchmarks.FaultyFirstSyncRun 100000 3 3} (records, fault %, runs).
 */
public final class FaultyFirstSyncRun {

    private static final int PAGE_SIZE = 100;
    private static final String ROUTE = "sync";

    private FaultyFirstSyncRun() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double faultPercent = args.length > 1 ? Double.parseDouble(args[1]) : 3;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Double> callRatios = new ArrayList<>();
        List<Double> duplicates = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long clean = calls(records, FaultPlan.NONE).calls();
            FaultPlan faults = new FaultPlan(faultPercent / 100, Map.of(LoopbackFault.STATUS_500, 1,
                    LoopbackFault.STATUS_503, 1, LoopbackFault.RESET, 1, LoopbackFault.HTML_502, 1,
                    LoopbackFault.TRUNCATED_LENGTH, 1, LoopbackFault.TRUNCATED_BODY, 1), Duration.ZERO,
                    Duration.ZERO, 17 + run, false);
            Result faulty = calls(records, faults);
            callRatios.add((double) faulty.calls() / clean);
            duplicates.add((double) faulty.duplicates());
        }
        System.out.printf(Locale.ROOT, "First sync of %d records with %.1f %% of data requests spoiled, %d runs:%n",
                records, faultPercent, runs);
        System.out.printf(Locale.ROOT, "  calls x clean run   %.3f (%.3f - %.3f)%n", Stats.median(callRatios),
                Stats.min(callRatios), Stats.max(callRatios));
        System.out.printf(Locale.ROOT, "  records routed twice %.0f (%.0f - %.0f)%n", Stats.median(duplicates),
                Stats.min(duplicates), Stats.max(duplicates));
    }

    private record Result(long calls, long duplicates) {
    }

    /** The data requests and duplicates of one first sync by the consumer (defaults: 3 retries) against a stub. */
    private static Result calls(int records, FaultPlan faults) throws Exception {
        try (LoopbackOkki stub = LoopbackOkki.builder().companies(records).faults(faults).start();
                ConsumerSession session = new ConsumerSession(stub, PAGE_SIZE, Map.of(ROUTE, ""), true)) {
            long before = stub.dataRequests();
            session.consume(ROUTE, records);
            return new Result(stub.dataRequests() - before, session.duplicates());
        }
    }
}
