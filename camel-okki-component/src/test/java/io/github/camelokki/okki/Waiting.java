package io.github.camelokki.okki;

import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.fail;

/** Waiting for something asynchronous in a test, with a deadline. */
final class Waiting {

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
}
