package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writers race to move one watermark, each through a {@link Watermark} of its own, each through the same 200 times in
 * its own order, while a reader checks that the stored watermark never goes back. The race must end at the greatest
 * time, and since every move stores a later time than the one before, there can be at most 200 moves in all: a
 * read-compare-write without compare-and-set lets writers overwrite each other with older times and exceeds it.
 */
final class WatermarkRace {

    private static final int WRITERS = 4;
    private static final int TIMES = 200;
    private static final long PATIENCE_SECONDS = 60;

    private WatermarkRace() {
    }

    /** @param node makes one writer's watermark, as one node would have it */
    static void run(Callable<Watermark> node) throws Exception {
        List<LocalDateTime> times = new ArrayList<>();
        LocalDateTime first = LocalDateTime.of(2026, 11, 25, 10, 0);
        for (int minute = 0; minute < TIMES; minute++) {
            times.add(first.plusMinutes(minute));
        }
        LocalDateTime greatest = times.get(TIMES - 1);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                List<LocalDateTime> order = new ArrayList<>(times);
                Collections.shuffle(order, new Random(w));
                Watermark watermark = node.call();
                writers.add(pool.submit(() -> {
                    start.await();
                    int moves = 0;
                    for (LocalDateTime time : order) {
                        moves += watermark.advance(time) ? 1 : 0;
                    }
                    return moves;
                }));
            }
            Watermark reader = node.call();
            AtomicBoolean writersDone = new AtomicBoolean();
            Future<List<String>> backwards = pool.submit(() -> {
                List<String> wentBack = new ArrayList<>();
                LocalDateTime last = null;
                start.await();
                while (!writersDone.get() && !Thread.currentThread().isInterrupted()) {
                    LocalDateTime now = reader.get().orElse(null);
                    if (last != null && (now == null || now.isBefore(last))) {
                        wentBack.add(last + " -> " + now);
                    }
                    last = now == null ? last : now;
                }
                return wentBack;
            });
            start.countDown();
            int moves = 0;
            for (Future<Integer> writer : writers) {
                moves += writer.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
            }
            writersDone.set(true);
            assertEquals(List.of(), backwards.get(PATIENCE_SECONDS, TimeUnit.SECONDS), "the watermark went back");
            assertEquals(greatest, reader.get().orElseThrow());
            assertTrue(moves <= TIMES, moves + " moves: some writer stored a time not later than the stored one");
        } finally {
            pool.shutdownNow();
        }
    }
}
