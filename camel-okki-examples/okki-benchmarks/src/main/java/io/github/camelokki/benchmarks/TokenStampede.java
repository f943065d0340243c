package io.github.camelokki.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;

/**
 * Correctness under load rather than speed: {@code threads} callers, released together by a barrier, make the first
 * okki:company/info call of a fresh component; the stub counts the token requests they caused. Repeated for several
 * rounds, each on a new context, so the race is run many times.
 */
public final class TokenStampede {

    /** The outcome of all rounds: the fewest and most token requests one round caused, and failed calls. */
    public record Result(int threads, int rounds, long minTokenRequests, long maxTokenRequests, int failedCalls,
            List<Long> perRound) {

        public boolean exactlyOneEachRound() {
            return minTokenRequests == 1 && maxTokenRequests == 1 && failedCalls == 0;
        }
    }

    private TokenStampede() {
    }

    public static Result run(int threads, int rounds) throws Exception {
        List<Long> counts = new ArrayList<>();
        AtomicInteger failed = new AtomicInteger();
        try (LoopbackOkki stub = LoopbackOkki.builder().maxConnections(threads * 2 + 8).start()) {
            for (int round = 0; round < rounds; round++) {
                stub.resetCounters();
                CamelContext context = Fixtures.okkiContext(stub);
                // every caller gets a connection of its own, so the token lock is the only thing they wait on
                context.getComponent("okki", io.github.camelokki.okki.OkkiComponent.class).getConfiguration()
                        .setMaxConnections(threads);
                context.start();
                try (ProducerTemplate template = context.createProducerTemplate()) {
                    Endpoint endpoint = context.getEndpoint(Fixtures.okkiInfoUri());
                    CyclicBarrier barrier = new CyclicBarrier(threads);
                    List<Thread> callers = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        Thread t = new Thread(() -> {
                            try {
                                barrier.await();
                                template.requestBody(endpoint, (Object) null);
                            } catch (Exception e) {
                                failed.incrementAndGet();
                            }
                        }, "token-stampede-" + i);
                        callers.add(t);
                        t.start();
                    }
                    for (Thread t : callers) {
                        t.join();
                    }
                    counts.add(stub.tokenRequests());
                } finally {
                    context.close();
                }
            }
        }
        long min = counts.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = counts.stream().mapToLong(Long::longValue).max().orElse(0);
        return new Result(threads, rounds, min, max, failed.get(), counts);
    }
}
