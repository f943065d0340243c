package io.github.camelokki.okki.internal.health;

import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a polling consumer did: polls, records delivered and failed, and how the last poll ended. The consumer updates
 * it with one call per event; the health check and the dev console read it. Thread-safe; never holds record contents
 * or secrets, only counts, times and the last error's message.
 */
public final class ConsumerStats {

    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failedPolls = new AtomicLong();
    private final AtomicLong recordsDelivered = new AtomicLong();
    private final AtomicLong failedDeliveries = new AtomicLong();
    private volatile Instant lastPollStarted;
    private volatile Instant lastPollEnded;
    private volatile Instant lastSuccess;
    private volatile Instant lastFailure;
    private volatile String lastError;
    private volatile boolean lastPollFailed;
    private volatile int lastPollCount;

    /** Runs one poll and records how it ended; the poll's result or exception passes through unchanged. */
    public int poll(Callable<Integer> poll) throws Exception {
        lastPollStarted = Instant.now();
        polls.incrementAndGet();
        try {
            int count = poll.call();
            lastPollCount = count;
            lastPollFailed = false;
            lastSuccess = lastPollEnded = Instant.now();
            return count;
        } catch (Exception | Error e) {
            failedPolls.incrementAndGet();
            lastPollFailed = true;
            lastError = describe(e);
            lastFailure = lastPollEnded = Instant.now();
            throw e;
        }
    }

    /** Records whose exchange completed. */
    public void delivered(int records) {
        recordsDelivered.addAndGet(records);
    }

    /** Records whose exchange failed; they are read again on a later poll. */
    public void deliveryFailed(int records) {
        failedDeliveries.addAndGet(records);
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    public long polls() {
        return polls.get();
    }

    public long failedPolls() {
        return failedPolls.get();
    }

    public long recordsDelivered() {
        return recordsDelivered.get();
    }

    public long failedDeliveries() {
        return failedDeliveries.get();
    }

    /** When the last poll started, or null before the first. */
    public Instant lastPollStarted() {
        return lastPollStarted;
    }

    /** When the last finished poll ended, or null before the first ended. */
    public Instant lastPollEnded() {
        return lastPollEnded;
    }

    /** When the last successful poll ended, or null. */
    public Instant lastSuccess() {
        return lastSuccess;
    }

    /** When the last failed poll ended, or null. */
    public Instant lastFailure() {
        return lastFailure;
    }

    /** The last failed poll's exception class and message, or null. */
    public String lastError() {
        return lastError;
    }

    /** How the last finished poll ended: {@code none} before the first, {@code ok} or {@code failed}. */
    public String lastPollResult() {
        if (lastPollEnded == null) {
            return "none";
        }
        return lastPollFailed ? "failed" : "ok";
    }

    /** How many exchanges the last successful poll completed. */
    public int lastPollCount() {
        return lastPollCount;
    }
}
