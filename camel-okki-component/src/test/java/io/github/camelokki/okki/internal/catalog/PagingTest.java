package io.github.camelokki.okki.internal.catalog;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of paging that the producer, the page iterator and the sync share. */
class PagingTest {

    private final Paging index = Paging.parse("index/list/totalItem");
    private final Paging pageNo = Paging.parse("pageNo/list/count");
    private final Paging single = Paging.parse("single/list/count");

    @Test
    void pageParametersFollowTheStyleAndLeaveTheGivenMapAlone() {
        Map<String, Object> given = Map.of("time_type", 1);
        assertEquals(Map.of("time_type", 1, "start_index", 3, "count", 50), index.page(given, 3, 50));
        assertEquals(Map.of("time_type", 1, "page_no", 2, "page_size", 20), pageNo.page(given, 2, 20));
        assertEquals(given, single.page(given, 2, 20));
        assertEquals(Map.of("time_type", 1), given);
    }

    @Test
    void theLastPageIsFoundByTotalOrElseByAShortPage() {
        assertFalse(index.isLastPage(100, 200, 250L, 100));
        assertTrue(index.isLastPage(50, 250, 250L, 100));
        // a total is trusted over a full page
        assertTrue(index.isLastPage(100, 300, 300L, 100));
        assertFalse(index.isLastPage(100, 100, null, 100));
        assertTrue(index.isLastPage(99, 199, null, 100));
        assertTrue(index.isLastPage(0, 200, 500L, 100));
        assertTrue(single.isLastPage(100, 100, 5000L, 100));
    }

    @Test
    void theNumberOfTheLastPageComesFromTheTotal() {
        assertEquals(3, index.lastPage(250L, 100, 2));
        assertEquals(2, index.lastPage(200L, 100, 2));
        assertEquals(5, index.lastPage(100L, 100, 5));
        assertEquals(4, index.lastPage(null, 100, 4));
        assertEquals(Integer.MAX_VALUE, index.lastPage(Long.MAX_VALUE - 1000, 1, 1));
    }
}
