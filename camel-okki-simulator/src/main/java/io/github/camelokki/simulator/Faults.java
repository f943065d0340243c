package io.github.camelokki.simulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * Which calls fail and how. Each data call (and each token call, if asked) draws from a seeded random source: with
 * probability {@link #rate} it fails with one of the {@link #kinds}. Queued faults from {@link #next} come first and
 * fail the very next calls regardless of the rate, for tests that need a failure at an exact point.
 * <p>
 * With the same seed and the same sequence of calls, the same calls fail the same way.
 */
public final class Faults {

    private static final Duration DEFAULT_SLOW_DELAY = Duration.ofSeconds(2);

    private double rate; // all guarded by this
    private List<Fault> kinds = List.of(Fault.values());
    private Random random = new Random();
    private boolean includeTokenCalls;
    private Duration slowDelay = DEFAULT_SLOW_DELAY;
    private List<String> paths = List.of();
    private final Deque<Fault> queued = new ArrayDeque<>();

    Faults() {
    }

    /** The probability, from 0 to 1, that a call fails. */
    public synchronized Faults rate(double probability) {
        if (probability < 0 || probability > 1) {
            throw new IllegalArgumentException("a fault rate is a probability from 0 to 1, not " + probability);
        }
        this.rate = probability;
        return this;
    }

    /** The kinds of failure to choose from, equally likely; all kinds unless set. */
    public synchronized Faults kinds(Fault... kinds) {
        if (kinds.length == 0) {
            throw new IllegalArgumentException("at least one fault kind is needed");
        }
        this.kinds = List.of(kinds);
        return this;
    }

    /** Restarts the random source from the seed, making the fault pattern repeatable. */
    public synchronized Faults seed(long seed) {
        this.random = new Random(seed);
        return this;
    }

    /** Whether the token endpoints fail too; by default only data calls do. */
    public synchronized Faults includeTokenCalls(boolean include) {
        this.includeTokenCalls = include;
        return this;
    }

    /**
     * Limits faults (random and queued) to calls whose path starts with one of the prefixes, e.g. only
     * {@code /v1/company/list}; every path when none are given.
     */
    public synchronized Faults paths(String... pathPrefixes) {
        this.paths = List.of(pathPrefixes);
        return this;
    }

    /** How long a {@link Fault#SLOW} answer is held back; 2 seconds unless set. */
    public synchronized Faults slowDelay(Duration delay) {
        this.slowDelay = delay;
        return this;
    }

    /** Fails the next {@code times} eligible calls with the kind, before any random faults. */
    public synchronized Faults next(Fault kind, int times) {
        for (int i = 0; i < times; i++) {
            queued.add(kind);
        }
        return this;
    }

    /** No more faults: rate 0, nothing queued, all kinds and paths, token calls spared, default slow delay. */
    public synchronized Faults off() {
        rate = 0;
        paths = List.of();
        kinds = List.of(Fault.values());
        includeTokenCalls = false;
        slowDelay = DEFAULT_SLOW_DELAY;
        queued.clear();
        return this;
    }

    public synchronized double rate() {
        return rate;
    }

    synchronized Duration slowDelay() {
        return slowDelay;
    }

    /** The fault for the call about to be handled, or {@code null} for none. */
    synchronized Fault draw(String path, boolean tokenCall) {
        if (tokenCall && !includeTokenCalls || !paths.isEmpty() && paths.stream().noneMatch(path::startsWith)) {
            return null;
        }
        if (!queued.isEmpty()) {
            return queued.poll();
        }
        // no draw at rate 0, so switching faults on later starts from the seed, not from wherever the calls left it
        if (rate <= 0 || random.nextDouble() >= rate) {
            return null;
        }
        return kinds.get(random.nextInt(kinds.size()));
    }
}
