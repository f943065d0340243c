package io.github.camelokki.okki.internal.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How a list operation pages its records: which parameters select the page, where the records and the total are.
 *
 * @param style        the paging convention
 * @param recordsField the member of {@code data} that holds the page's records
 * @param totalField   the member of {@code data} that holds the total number of records
 */
public record Paging(Style style, String recordsField, String totalField) {

    public enum Style {
        /** {@code start_index} is the 1-based page number, {@code count} the page size. */
        INDEX("start_index", "count"),
        /** {@code page_no} is the 1-based page number, {@code page_size} the page size. */
        PAGE_NO("page_no", "page_size"),
        /** The answer is shaped like a page but the operation takes no paging parameters: one page holds all. */
        SINGLE(null, null);

        private final String pageParam;
        private final String sizeParam;

        Style(String pageParam, String sizeParam) {
            this.pageParam = pageParam;
            this.sizeParam = sizeParam;
        }

        public String pageParam() {
            return pageParam;
        }

        public String sizeParam() {
            return sizeParam;
        }

        public boolean pageable() {
            return pageParam != null;
        }
    }

    /**
     * The parameters of one page: a copy of the given ones with the page number and size put in; only the copy for a
     * list that takes no paging parameters.
     */
    public Map<String, Object> page(Map<String, Object> params, int page, int size) {
        Map<String, Object> call = new LinkedHashMap<>(params);
        if (style.pageable()) {
            call.put(style.pageParam(), page);
            call.put(style.sizeParam(), size);
        }
        return call;
    }

    /**
     * Whether a page ends the listing: it is empty, the list has one page only, the records seen so far (this page's
     * included) reach the reported total or, without a total, the page holds fewer records than asked for.
     *
     * @param pageRecords the records on this page
     * @param seen        the records on this page and all before it
     * @param total       the total the answers report; null when they report none
     * @param size        the page size asked for
     */
    public boolean isLastPage(int pageRecords, long seen, Long total, int size) {
        return pageRecords == 0 || !style.pageable() || (total != null ? seen >= total : pageRecords < size);
    }

    /** The number of the last page as a reported total tells it; {@code atLeast} when there is no total. */
    public int lastPage(Long total, int size, int atLeast) {
        long pages = total == null ? atLeast : (total + size - 1) / size;
        return (int) Math.max(atLeast, Math.min(Integer.MAX_VALUE, pages));
    }

    /** Parses {@code style/recordsField/totalField}, e.g. {@code index/list/totalItem}. */
    static Paging parse(String text) {
        String[] parts = text.split("/");
        if (parts.length != 3) {
            throw new IllegalArgumentException("Paging must read style/records/total, not '" + text + "'");
        }
        Style style = switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "index" -> Style.INDEX;
            case "pageno" -> Style.PAGE_NO;
            case "single" -> Style.SINGLE;
            default -> throw new IllegalArgumentException("Unknown paging style '" + parts[0] + "'");
        };
        return new Paging(style, parts[1], parts[2]);
    }

    @Override
    public String toString() {
        return style.name().toLowerCase(Locale.ROOT) + "/" + recordsField + "/" + totalField;
    }
}
