package io.github.camelokki.okki.internal.client;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.IntFunction;

import io.github.camelokki.okki.internal.catalog.Paging;

/**
 * Every record of every page of a list operation, fetching a page only when the previous one is used up, so any
 * number of records passes through in the memory of one page.
 * <p>
 * It stops at an empty page, when the records seen reach the reported total, or (without a total) at a page shorter
 * than the page size.
 */
public final class PageIterator<T> implements Iterator<T> {

    private final IntFunction<OkkiResponse> fetch;
    private final Paging paging;
    private final int pageSize;
    private final Function<Object, T> mapper;
    private int pageNumber;
    private long seen;
    private Long total;
    private List<?> page;
    private int position;
    private boolean lastPage;

    /**
     * @param fetch      fetches a page by its 1-based number
     * @param paging     the operation's paging
     * @param pageSize   the page size asked for
     * @param firstPage  the page already fetched (its records come first)
     * @param firstPageNumber the number of that page
     * @param mapper     turns each record into what the iterator yields
     */
    public PageIterator(IntFunction<OkkiResponse> fetch, Paging paging, int pageSize, OkkiResponse firstPage,
            int firstPageNumber, Function<Object, T> mapper) {
        this.fetch = fetch;
        this.paging = paging;
        this.pageSize = pageSize;
        this.mapper = mapper;
        this.pageNumber = firstPageNumber;
        this.seen = (long) (firstPageNumber - 1) * pageSize;
        accept(firstPage);
    }

    private void accept(OkkiResponse response) {
        page = response.records(paging);
        position = 0;
        seen += page.size();
        Long reported = response.total(paging);
        if (reported != null) {
            total = reported;
        }
        lastPage = paging.isLastPage(page.size(), seen, total, pageSize);
    }

    @Override
    public boolean hasNext() {
        while (position >= page.size()) {
            if (lastPage) {
                return false;
            }
            pageNumber++;
            accept(fetch.apply(pageNumber));
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("No more OKKI records after page " + pageNumber);
        }
        return mapper.apply(page.get(position++));
    }

    /** The number of the page the iterator is on. */
    public int pageNumber() {
        return pageNumber;
    }

    /** The total the pages report, or null. */
    public Long total() {
        return total;
    }
}
