package io.github.camelokki.okki.internal.sync;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReadAheadTest {

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "ahead"));
    /** Each fetch as "page@thread". */
    private final List<String> fetches = new CopyOnWriteArrayList<>();

    @AfterEach
    void shutDown() {
        executor.shutdownNow();
    }

    private String fetch(int page) {
        fetches.add(page + "@" + Thread.currentThread().getName());
        return "page " + page;
    }

    @Test
    void takesThePageFetchedAheadOnTheOtherThread() throws Exception {
        ReadAhead<String> pages = new ReadAhead<>(this::fetch, executor);
        assertEquals("page 1", pages.take(1));
        pages.fetchAhead(2);
        assertEquals("page 2", pages.take(2));
        assertEquals(List.of("1@main", "2@ahead"), fetches);
    }

    @Test
    void withoutAnExecutorFetchesEachPageWhenTaken() throws Exception {
        ReadAhead<String> pages = new ReadAhead<>(this::fetch, null);
        pages.fetchAhead(2);
        assertEquals(List.of(), fetches);
        assertEquals("page 2", pages.take(2));
        assertEquals(List.of("2@main"), fetches);
    }

    @Test
    void aFailedFetchAheadThrowsTheSameExceptionWhenTaken() {
        IllegalStateException refused = new IllegalStateException("OKKI refused page 2");
        ReadAhead<String> pages = new ReadAhead<>(page -> {
            throw refused;
        }, executor);
        pages.fetchAhead(2);
        assertSame(refused, assertThrows(IllegalStateException.class, () -> pages.take(2)));
    }

    @Test
    void fetchesItselfWhenTheExecutorRefusesOrAnotherPageIsTaken() throws Exception {
        executor.shutdown();
        ReadAhead<String> pages = new ReadAhead<>(this::fetch, executor);
        pages.fetchAhead(2);
        assertEquals("page 2", pages.take(2));
        assertEquals(List.of("2@main"), fetches);
    }

    @Test
    void aPageFetchedAheadButNotTheOneTakenIsDropped() throws Exception {
        ReadAhead<String> pages = new ReadAhead<>(this::fetch, executor);
        pages.fetchAhead(3);
        assertEquals("page 2", pages.take(2));
        pages.discard();
        assertEquals("page 4", pages.take(4));
        assertEquals(List.of("2@main", "4@main"), fetches.stream().filter(f -> !f.startsWith("3@")).toList());
    }
}
