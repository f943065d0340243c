package io.github.camelokki.okki.internal.sync;

import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;

/**
 * Hands out the pages of one walk, fetching the next ones on other threads while the current one is delivered: a poll
 * then takes about the longer of reading and routing rather than their sum, and with a depth above one, OKKI's round
 * trips (100 ms and more from outside China) overlap instead of adding up. At most {@code depth} pages are read
 * ahead, so a walk holds at most {@code depth + 1} pages in memory whatever the number of records.
 * <p>
 * A page fetched ahead is the same request, sent a little earlier; it changes nothing about which records a walk
 * sees, and pages are handed out in order. A page fetched ahead and never taken (the consumer is stopping) is dropped.
 *
 * @param <P> a fetched page
 */
public final class ReadAhead<P> {

    private final IntFunction<P> fetch;
    private final Executor executor;
    private final int depth;
    /** The pages fetched ahead, by number. */
    private final NavigableMap<Integer, CompletableFuture<P>> ahead = new TreeMap<>();

    /** One page ahead. */
    public ReadAhead(IntFunction<P> fetch, Executor executor) {
        this(fetch, executor, 1);
    }

    /**
     * @param fetch    fetches a page by its 1-based number; its exceptions reach the caller of {@link #take(int)}
     * @param executor runs fetches ahead (it needs {@code depth} threads for them to overlap); null to fetch every
     *                 page when it is taken
     * @param depth    how many pages may be fetched ahead at once
     */
    public ReadAhead(IntFunction<P> fetch, Executor executor, int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be at least 1, not " + depth);
        }
        this.fetch = fetch;
        this.executor = executor;
        this.depth = depth;
    }

    /** The given page: the one fetched ahead if it is that one, otherwise fetched now. Pages before it are dropped. */
    public P take(int page) throws InterruptedException {
        CompletableFuture<P> fetched = ahead.remove(page);
        ahead.headMap(page).values().forEach(f -> f.cancel(false));
        ahead.headMap(page).clear();
        if (fetched == null) {
            return fetch.apply(page);
        }
        try {
            return fetched.get();
        } catch (ExecutionException e) {
            // the same exception a fetch on this thread would have thrown
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Starts fetching the given page, to be taken next. */
    public void fetchAhead(int page) {
        fetchAhead(page, page);
    }

    /**
     * Starts fetching the pages from {@code first} on, up to {@code last} (the walk's last page, as far as it knows)
     * and no more than {@code depth} ahead of the page taken last. Does nothing without an executor or when it refuses
     * work.
     */
    public void fetchAhead(int first, int last) {
        if (executor == null) {
            return;
        }
        for (int page = first; page <= Math.min(last, first + depth - 1); page++) {
            if (!ahead.containsKey(page)) {
                int number = page;
                try {
                    ahead.put(page, CompletableFuture.supplyAsync(() -> fetch.apply(number), executor));
                } catch (RejectedExecutionException e) {
                    // the executor is shutting down with the consumer: take() fetches the page itself, if it still runs
                    return;
                }
            }
        }
    }

    /** Drops the pages fetched ahead and not taken. */
    public void discard() {
        ahead.values().forEach(f -> f.cancel(false));
        ahead.clear();
    }
}
