package io.github.camelokki.okki;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waiting for something asynchronous in a test, with a deadline. */
final class Waiting {

    /**
     * How long a test waits for a poll, a record or a lock attempt that should come within a few hundred milliseconds:
     * far beyond that, so that a busy 2-core build machine does not fail the test; a correct run never waits this long.
     */
    static final long PATIENCE_MILLIS = 60_000;

    private Waiting() {
    }

    /** Waits until the condition holds, failing with what was awaited after the timeout. */
    static void until(String what, long timeoutMillis, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                fail("Timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }

    /**
     * Waits until a whole poll of the consumer started after this call and ended, so that whatever it was to deliver
     * for a change made before the call has been delivered: how a test proves that nothing more arrives, without
     * sleeping. The counter counts polls as they start, and a consumer's polls run one after the other: when it
     * reaches the value read here plus two, the poll after the one that may be under way both started after this call
     * and ended.
     */
    static void untilAWholePoll(OkkiPollingConsumer consumer) throws InterruptedException {
        long polls = consumer.getStats().polls();
        until("a whole poll of " + consumer.getRouteId() + " after poll " + polls, PATIENCE_MILLIS,
                () -> consumer.getStats().polls() >= polls + 2);
    }
}
