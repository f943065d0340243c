package io.github.camelokki.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * The producer's latency against its baselines, measured interleaved: each round times a block of calls of every
 * variant in turn (in an order that rotates from round to round, each block after a full GC), and the ratio is taken
 * per round, then the median over the rounds. JMH runs one benchmark after
 * another, so on a shared machine a change of load between forks moves the ratio; here every round's variants see the
 * same load. Complements the JMH figures, it does not replace them.
 */
public final class InterleavedLatency {

    /** Median over the rounds of each variant's p50 and of the p50 ratios to the baselines, in microseconds. */
    public record Result(int rounds, int callsPerRound, Map<String, Double> p50, double ratioVsPlain,
            double ratioVsCamelHttp) {
    }

    @FunctionalInterface
    private interface Call {
        Object call() throws Exception;
    }

    private InterleavedLatency() {
    }

    public static Result run(int warmupRounds, int rounds, int callsPerRound) throws Exception {
        try (LoopbackOkki stub = LoopbackOkki.start(); Fixtures.PlainClient plain = new Fixtures.PlainClient(stub)) {
            CamelContext context = Fixtures.okkiContext(stub);
            context.addRoutes(Fixtures.camelHttpRoute(stub));
            context.start();
            try (ProducerTemplate template = context.createProducerTemplate()) {
                Endpoint okki = context.getEndpoint(Fixtures.okkiInfoUri());
                Endpoint camelHttp = context.getEndpoint("direct:camelHttp");
                Map<String, Call> calls = new LinkedHashMap<>();
                calls.put("okki", () -> template.requestBody(okki, (Object) null));
                calls.put("plain", plain::companyInfo);
                calls.put("camelHttp", () -> template.requestBody(camelHttp, (Object) null));
                Map<String, List<Double>> p50s = new LinkedHashMap<>();
                calls.keySet().forEach(k -> p50s.put(k, new ArrayList<>()));
                List<Double> vsPlain = new ArrayList<>();
                List<Double> vsHttp = new ArrayList<>();
                long[] latencies = new long[callsPerRound];
                Object sink = null;
                for (int round = 0; round < warmupRounds + rounds; round++) {
                    Map<String, Double> roundP50 = new LinkedHashMap<>();
                    List<Map.Entry<String, Call>> order = new ArrayList<>(calls.entrySet());
                    // a rotating order, each block on a clean heap: no variant always follows the same one or pays
                    // for collecting its garbage
                    Collections.rotate(order, round);
                    for (Map.Entry<String, Call> variant : order) {
                        System.gc();
                        for (int i = 0; i < callsPerRound; i++) {
                            long start = System.nanoTime();
                            sink = variant.getValue().call();
                            latencies[i] = System.nanoTime() - start;
                        }
                        Arrays.sort(latencies);
                        roundP50.put(variant.getKey(), latencies[callsPerRound / 2] / 1_000.0);
                    }
                    if (round >= warmupRounds) {
                        roundP50.forEach((k, v) -> p50s.get(k).add(v));
                        vsPlain.add(roundP50.get("okki") / roundP50.get("plain"));
                        vsHttp.add(roundP50.get("okki") / roundP50.get("camelHttp"));
                    }
                }
                if (sink == null) {
                    throw new IllegalStateException("no answer");
                }
                Map<String, Double> medians = new LinkedHashMap<>();
                p50s.forEach((k, v) -> medians.put(k, median(v)));
                return new Result(rounds, callsPerRound, medians, median(vsPlain), median(vsHttp));
            } finally {
                context.close();
            }
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
