package io.github.camelokki.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.camelokki.simulator.loopback.LoopbackOkki;

/**
 * How fast the loopback stub itself answers, so that its own cost is known next to the figures measured through it:
 * company/info calls and company/list pages of 100 (over {@code records} companies), each with one caller and with
 * four, through the benchmarks' plain HttpClient 5 client. For each: requests per second, and the CPU time per
 * request of the stub's threads and of the callers (the CPU times hardly depend on what else runs on the machine,
 * the rates do). Median and range over {@code rounds} rounds of about {@code seconds} each, after one uncounted
 * round.
 * <p>
 * Run: {@code java -cp camel-okki-examples/okki-benchmarks/target/okki-benchmarks.jar
 * io.github.camelokki.benchmarks.LoopbackThroughput 100000 3 5} (records, seconds, rounds).
 */
public final class LoopbackThroughput {

    private static final int PAGE_SIZE = 100;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @FunctionalInterface
    private interface Request {
        /** Makes one request (or one page); returns how many it made. */
        long send() throws Exception;
    }

    private LoopbackThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long started = System.nanoTime();
        try (LoopbackOkki stub = LoopbackOkki.builder().companies(records).start();
                Fixtures.PlainClient info = new Fixtures.PlainClient(stub);
                PagingLoop pages = new PagingLoop(stub)) {
            System.out.printf(Locale.ROOT, "loopback with %,d companies started in %.0f ms%n", records,
                    (System.nanoTime() - started) / 1e6);
            int[] page = new int[1];
            int lastPage = records / PAGE_SIZE;
            Request infoCall = () -> {
                info.companyInfo();
                return 1;
            };
            // each call reads one page of 100, walking the list round and round
            Request pageCall = () -> {
                int p;
                synchronized (page) {
                    p = page[0] % lastPage + 1;
                    page[0]++;
                }
                return pages.readPage(PAGE_SIZE, p, record -> { }) > 0 ? 1 : 0;
            };
            for (int callers : new int[] { 1, 4 }) {
                report("company/info calls/s", callers, infoCall, seconds, rounds);
                report("company/list pages of 100/s", callers, pageCall, seconds, rounds);
            }
        }
    }

    private static void report(String what, int callers, Request request, int seconds, int rounds)
            throws Exception {
        List<Double> rates = new ArrayList<>();
        List<Double> stubCpu = new ArrayList<>();
        List<Double> callerCpu = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) {
            Round r = round(callers, request, seconds);
            if (round > 0) {
                rates.add(r.requests() / r.seconds());
                stubCpu.add(r.stubCpuNanos() / 1e3 / r.requests());
                callerCpu.add(r.callerCpuNanos() / 1e3 / r.requests());
            }
        }
        System.out.printf(Locale.ROOT, "  %-28s %d caller(s): %,8.0f/s (%,.0f - %,.0f); CPU per request: stub %.1f us"
                + " (%.1f - %.1f), caller %.1f us (%.1f - %.1f)%n", what, callers, Stats.median(rates),
                Stats.min(rates), Stats.max(rates), Stats.median(stubCpu), Stats.min(stubCpu), Stats.max(stubCpu),
                Stats.median(callerCpu), Stats.min(callerCpu), Stats.max(callerCpu));
    }

    /** What one round did: requests, wall seconds, CPU nanoseconds of the stub's threads and of the callers. */
    private record Round(long requests, double seconds, long stubCpuNanos, long callerCpuNanos) {
    }

    /** {@code callers} threads sending as fast as they can for about the time. */
    private static Round round(int callers, Request request, int seconds) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long stubCpuBefore = stubCpuNanos();
            long start = System.nanoTime();
            long end = start + seconds * 1_000_000_000L;
            List<Future<long[]>> done = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                done.add(pool.submit(() -> {
                    long cpuBefore = THREADS.getCurrentThreadCpuTime();
                    long n = 0;
                    while (System.nanoTime() < end) {
                        n += request.send();
                    }
                    return new long[] { n, THREADS.getCurrentThreadCpuTime() - cpuBefore };
                }));
            }
            long total = 0;
            long callerCpu = 0;
            for (Future<long[]> f : done) {
                total += f.get()[0];
                callerCpu += f.get()[1];
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            return new Round(total, elapsed, stubCpuNanos() - stubCpuBefore, callerCpu);
        } finally {
            pool.shutdown();
        }
    }

    /** CPU time of the stub's threads so far; threads that ended in between are not counted (the pool keeps them). */
    private static long stubCpuNanos() {
        long sum = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith(LoopbackOkki.THREAD_PREFIX)) {
                sum += Math.max(0, THREADS.getThreadCpuTime(t.getId()));
            }
        }
        return sum;
    }
}
