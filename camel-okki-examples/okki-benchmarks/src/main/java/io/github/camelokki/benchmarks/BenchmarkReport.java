package io.github.camelokki.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the benchmarks and prints each figure as a ratio to its baseline from the same run.
 * <p>
 * Takes JMH's usual options ({@code -f -wi -w -i -r -prof ...}, {@code -h} lists them); without them it runs 1 fork,
 * 3 warm-up and 5 measurement iterations of 2 s. A benchmark regex given as an argument narrows the JMH part.
 * <p>
 * System properties for the parts outside JMH:
 * <ul>
 * <li>{@code okki.bench.interleavedRounds} (default 10, 0 skips) and {@code okki.bench.interleavedCalls} (5,000): the
 * interleaved producer latency, {@link InterleavedLatency}, after 5 warm-up rounds;</li>
 * <li>{@code okki.bench.tokenRounds} (20, 0 skips) and {@code okki.bench.tokenThreads} (32): {@link TokenStampede};</li>
 * <li>{@code okki.bench.consumerRounds} (15, 0 skips) after {@code okki.bench.consumerWarmups} (15) uncounted ones:
 * the consumer against the paging loop, {@link ConsumerRun};</li>
 * <li>{@code okki.bench.skipHeap=true} skips the heap-growth comparison, {@code okki.bench.skipJmh=true} skips
 * JMH.</li>
 * </ul>
 */
public final class BenchmarkReport {

    private static final double PRODUCER_TARGET = 1.10;

    private BenchmarkReport() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cmd = new CommandLineOptions(args);
        if (cmd.shouldHelp() || cmd.shouldList()) {
            new Runner(cmd).list();
            if (cmd.shouldHelp()) {
                cmd.showHelp();
            }
            return;
        }
        List<String> lines = new ArrayList<>();
        boolean ok = true;
        if (!Boolean.getBoolean("okki.bench.skipJmh")) {
            ChainedOptionsBuilder options = new OptionsBuilder().parent(cmd);
            if (cmd.getIncludes().isEmpty()) {
                options.include(ProducerLatency.class.getName()).include(ProducerThroughput.class.getName())
                        .include(PagingBenchmark.class.getName());
            }
            if (!cmd.getForkCount().hasValue()) {
                options.forks(1);
            }
            if (!cmd.getWarmupIterations().hasValue()) {
                options.warmupIterations(3);
            }
            if (!cmd.getWarmupTime().hasValue()) {
                options.warmupTime(TimeValue.seconds(2));
            }
            if (!cmd.getMeasurementIterations().hasValue()) {
                options.measurementIterations(5);
            }
            if (!cmd.getMeasurementTime().hasValue()) {
                options.measurementTime(TimeValue.seconds(2));
            }
            Collection<RunResult> results = new Runner(options.build()).run();
            ok &= producer(results, lines);
            paging(results, lines);
        }
        if (!Boolean.getBoolean("okki.bench.skipHeap")) {
            heap(lines);
        }
        int interleavedRounds = Integer.getInteger("okki.bench.interleavedRounds", 10);
        if (interleavedRounds > 0) {
            InterleavedLatency.Result r = InterleavedLatency.run(5, interleavedRounds,
                    Integer.getInteger("okki.bench.interleavedCalls", 5_000));
            boolean vsPlain = r.ratioVsPlain() <= PRODUCER_TARGET;
            boolean vsHttp = r.ratioVsCamelHttp() <= 1.0;
            ok &= vsPlain & vsHttp;
            lines.add(String.format(Locale.ROOT, "producer latency p50, interleaved (us, median of %d rounds of %d calls"
                    + " each): okki %.1f, plain %.1f, camel-http %.1f", r.rounds(), r.callsPerRound(),
                    r.p50().get("okki"), r.p50().get("plain"), r.p50().get("camelHttp")));
            lines.add(String.format(Locale.ROOT, "producer p50 ratio vs plain, interleaved = %.2f (target <= %.2f) %s",
                    r.ratioVsPlain(), PRODUCER_TARGET, verdict(vsPlain)));
            lines.add(String.format(Locale.ROOT, "producer p50 ratio vs camel-http, interleaved = %.2f (target <= 1.00)"
                    + " %s", r.ratioVsCamelHttp(), verdict(vsHttp)));
        }
        int rounds = Integer.getInteger("okki.bench.tokenRounds", 20);
        int threads = Integer.getInteger("okki.bench.tokenThreads", 32);
        if (rounds > 0) {
            TokenStampede.Result token = TokenStampede.run(threads, rounds);
            boolean pass = token.exactlyOneEachRound();
            ok &= pass;
            lines.add(String.format(Locale.ROOT, "token requests for %d callers released together, per round: min %d,"
                    + " max %d over %d rounds, %d failed calls (target exactly 1) %s", threads,
                    token.minTokenRequests(), token.maxTokenRequests(), rounds, token.failedCalls(), verdict(pass)));
        }
        int consumerRounds = Integer.getInteger("okki.bench.consumerRounds", 15);
        if (consumerRounds > 0) {
            int warmups = Integer.getInteger("okki.bench.consumerWarmups", 15);
            ConsumerRun.Result c = ConsumerRun.run(1_000, 100, warmups, consumerRounds);
            boolean pass = c.perRecordRatio() >= 0.8;
            ok &= pass;
            lines.add(String.format(Locale.ROOT, "consumer %,d records over 1,000 pages (median of %d rounds after %d"
                    + " warm-up rounds): okki consumer %.0f ms (one exchange per record), %.0f ms (splitResult=false,"
                    + " one per page); hand-written loop %.0f ms", c.records(), c.rounds(), warmups, c.perRecordMs(),
                    c.perPageMs(), c.loopMs()));
            lines.add(String.format(Locale.ROOT, "consumer rate ratio vs loop = %.2f (target >= 0.80) %s",
                    c.perRecordRatio(), verdict(pass)));
            lines.add(String.format(Locale.ROOT, "consumer rate ratio vs loop with splitResult=false = %.2f",
                    c.perPageRatio()));
        }
        System.out.println();
        System.out.println("==== camel-okki benchmark report (" + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " cpus) ====");
        lines.forEach(System.out::println);
        System.out.println(ok ? "all targets met" : "SOME TARGETS MISSED");
    }

    private static boolean producer(Collection<RunResult> results, List<String> lines) {
        Map<String, RunResult> byName = new HashMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            byName.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), r);
        }
        boolean ok = true;
        RunResult okki = byName.get("ProducerLatency.okki");
        RunResult plain = byName.get("ProducerLatency.plain");
        RunResult http = byName.get("ProducerLatency.camelHttp");
        if (okki != null && plain != null && http != null) {
            double p50 = pct(okki, 50);
            double p50Plain = pct(plain, 50);
            double p50Http = pct(http, 50);
            lines.add(String.format(Locale.ROOT, "producer latency p50 (us): okki %.1f, plain %.1f, camel-http %.1f",
                    p50, p50Plain, p50Http));
            lines.add(String.format(Locale.ROOT, "producer latency p99 (us): okki %.1f, plain %.1f, camel-http %.1f",
                    pct(okki, 99), pct(plain, 99), pct(http, 99)));
            boolean vsPlain = p50 / p50Plain <= PRODUCER_TARGET;
            boolean vsHttp = p50 / p50Http <= 1.0;
            ok &= vsPlain & vsHttp;
            lines.add(String.format(Locale.ROOT, "producer p50 ratio vs plain (JMH) = %.2f (target <= %.2f) %s",
                    p50 / p50Plain, PRODUCER_TARGET, verdict(vsPlain)));
            lines.add(String.format(Locale.ROOT, "producer p50 ratio vs camel-http (JMH) = %.2f (target <= 1.00) %s",
                    p50 / p50Http, verdict(vsHttp)));
            lines.add(String.format(Locale.ROOT, "producer p99 ratio vs plain = %.2f, vs camel-http = %.2f",
                    pct(okki, 99) / pct(plain, 99), pct(okki, 99) / pct(http, 99)));
        }
        okki = byName.get("ProducerThroughput.okki");
        plain = byName.get("ProducerThroughput.plain");
        http = byName.get("ProducerThroughput.camelHttp");
        if (okki != null && plain != null && http != null) {
            double t = score(okki);
            lines.add(String.format(Locale.ROOT, "producer throughput (calls/s, %d threads): okki %.0f, plain %.0f,"
                    + " camel-http %.0f", okki.getParams().getThreads(), t, score(plain), score(http)));
            lines.add(String.format(Locale.ROOT, "producer throughput ratio vs plain = %.2f, vs camel-http = %.2f"
                    + " (higher is better)", t / score(plain), t / score(http)));
        }
        return ok;
    }

    private static void paging(Collection<RunResult> results, List<String> lines) {
        RunResult loop = null;
        RunResult okki = null;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            if (name.endsWith("PagingBenchmark.handLoop")) {
                loop = r;
            } else if (name.endsWith("PagingBenchmark.okkiAllPages")) {
                okki = r;
            }
        }
        if (loop != null && okki != null) {
            long records = Long.parseLong(loop.getParams().getParam("pages"))
                    * Long.parseLong(loop.getParams().getParam("pageSize"));
            lines.add(String.format(Locale.ROOT, "paging %d records over %s pages (ms per full read): okki allPages"
                    + " %.0f, hand-written loop %.0f", records, loop.getParams().getParam("pages"), score(okki),
                    score(loop)));
            lines.add(String.format(Locale.ROOT, "paging throughput ratio (producer allPages) vs loop = %.2f"
                    + " (the consumer's target is >= 0.80)", score(loop) / score(okki)));
        }
    }

    /** Heap growth of each way of paging, over 10x as many records: should not grow with them. */
    private static void heap(List<String> lines) throws Exception {
        int pageSize = 100;
        for (int pages : new int[] { 100, 1000 }) {
            try (io.github.camelokki.simulator.loopback.LoopbackOkki stub = io.github.camelokki.simulator.loopback
                    .LoopbackOkki.builder().pages(pages, pageSize).start();
                    PagingLoop loop = new PagingLoop(stub)) {
                org.apache.camel.CamelContext context = Fixtures.okkiContext(stub);
                context.start();
                try (org.apache.camel.ProducerTemplate template = context.createProducerTemplate()) {
                    org.apache.camel.Endpoint endpoint = context.getEndpoint(
                            "okki:company/list?allPages=true&pageSize=" + pageSize);
                    long[] sink = new long[1];
                    // one read first, so that the stub has made the JSON of every record before anything is measured
                    loop.readAll(pageSize, r -> sink[0]++);
                    HeapPeak.Peak loopPeak = HeapPeak.measure(() -> loop.readAll(pageSize, r -> sink[0]++));
                    HeapPeak.Peak okkiPeak = HeapPeak.measure(
                            () -> PagingBenchmark.okkiAllPages(template, endpoint, r -> sink[0]++));
                    HeapPeak.Peak consumerPeak = HeapPeak.measure(
                            () -> ConsumerRun.consume(stub, pageSize, (long) pages * pageSize));
                    lines.add(String.format(Locale.ROOT, "heap growth reading %,d records: okki consumer %s;"
                            + " okki allPages %s; loop %s", pages * pageSize, consumerPeak.describe(),
                            okkiPeak.describe(), loopPeak.describe()));
                } finally {
                    context.close();
                }
            }
        }
    }

    private static double pct(RunResult r, double percentile) {
        return r.getPrimaryResult().getStatistics().getPercentile(percentile);
    }

    private static double score(RunResult r) {
        return r.getPrimaryResult().getScore();
    }

    private static String verdict(boolean pass) {
        return pass ? "PASS" : "MISS";
    }
}
