package io.github.camelokki.simulator.loopback;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;

/**
 * Which requests the loopback stub spoils, and how: each data request is spoiled with probability {@link #rate()},
 * the kind drawn from the weights. The draws come from a {@link Random} seeded per connection from {@link #seed()}, so
 * a run with the same seed and the same order of requests on each connection spoils the same requests.
 *
 * @param rate       the share of data requests to spoil, 0 to 1
 * @param weights    relative weight of each fault kind; kinds missing or with weight 0 never happen
 * @param slowMin    the shortest delay of a {@link LoopbackFault#SLOW} answer
 * @param slowMax    the longest delay of a {@link LoopbackFault#SLOW} answer
 * @param seed       the seed the per-connection random sources are derived from
 * @param tokenFaults whether token requests may be spoiled too (normally not)
 */
public record FaultPlan(double rate, Map<LoopbackFault, Integer> weights, Duration slowMin, Duration slowMax, long seed,
        boolean tokenFaults) {

    /** No faults at all. */
    public static final FaultPlan NONE = new FaultPlan(0, Map.of(), Duration.ZERO, Duration.ZERO, 0, false);

    public FaultPlan {
        if (rate < 0 || rate > 1) {
            throw new IllegalArgumentException("rate must be between 0 and 1, not " + rate);
        }
        weights = weights.isEmpty() ? Map.of() : new EnumMap<>(weights);
        if (slowMax.compareTo(slowMin) < 0) {
            throw new IllegalArgumentException("slowMax must not be below slowMin");
        }
    }

    /** Every kind with equal weight. */
    public static FaultPlan allKinds(double rate, Duration slowMin, Duration slowMax, long seed) {
        Map<LoopbackFault, Integer> weights = new EnumMap<>(LoopbackFault.class);
        for (LoopbackFault f : LoopbackFault.values()) {
            weights.put(f, 1);
        }
        return new FaultPlan(rate, weights, slowMin, slowMax, seed, false);
    }

    /** Draws the fault for one request, or null for a proper answer. */
    LoopbackFault draw(Random random) {
        if (rate <= 0 || random.nextDouble() >= rate) {
            return null;
        }
        int total = 0;
        for (int w : weights.values()) {
            total += Math.max(0, w);
        }
        if (total == 0) {
            return null;
        }
        int pick = random.nextInt(total);
        for (Map.Entry<LoopbackFault, Integer> e : weights.entrySet()) {
            pick -= Math.max(0, e.getValue());
            if (pick < 0) {
                return e.getKey();
            }
        }
        return null;
    }

    long slowDelayMillis(Random random) {
        long min = slowMin.toMillis();
        long span = slowMax.toMillis() - min;
        return span <= 0 ? min : min + (long) (random.nextDouble() * (span + 1));
    }
}
