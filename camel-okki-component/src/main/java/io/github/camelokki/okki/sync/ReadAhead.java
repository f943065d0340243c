package io.github.camelokki.okki.sync;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntFunction;

/**
 * Hands out the pages of one walk, fetching the next one on another thread while the current one is delivered: a poll
 * then takes about the longer of reading and routing rather than their sum. At most one page is read ahead, so a walk
 * holds at most two pages in memory whatever the number of records.
 * <p>
 * A page fetched ahead is the same request, sent a little earlier; it changes nothing about which records a walk
 * sees. A page fetched ahead and never taken (the consumer is stopping) is dropped.
 *
 * @param <P> a fetched page
 */
public final class ReadAhead<P> {

    private final IntFunction<P> fetch;
    private final Executor executor;
    private CompletableFuture<P> next;
    private int nextPage;

    /**
     * @param fetch    fetches a page by its 1-based number; its exceptions reach the caller of {@link #take(int)}
     * @param executor runs fetches ahead; null to fetch every page when it is taken
     */
    public ReadAhead(IntFunction<P> fetch, Executor executor) {
        this.fetch = fetch;
        this.executor = executor;
    }

    /** The given page: the one fetched ahead if it is that one, otherwise fetched now. */
    public P take(int page) throws InterruptedException {
        CompletableFuture<P> ahead = next;
        next = null;
        if (ahead == null || nextPage != page) {
            if (ahead != null) {
                ahead.cancel(false);
            }
            return fetch.apply(page);
        }
        try {
            return ahead.get();
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

    /** Starts fetching the given page, to be taken next. Does nothing without an executor or when it refuses work. */
    public void fetchAhead(int page) {
        if (executor == null) {
            return;
        }
        try {
            next = CompletableFuture.supplyAsync(() -> fetch.apply(page), executor);
            nextPage = page;
        } catch (RejectedExecutionException e) {
            // the executor is shutting down with the consumer: take() fetches the page itself, if it still runs
            next = null;
        }
    }

    /** Drops a page fetched ahead and not taken. */
    public void discard() {
        if (next != null) {
            next.cancel(false);
            next = null;
        }
    }
}
