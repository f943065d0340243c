package io.github.camelokki.examples.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import javax.sql.DataSource;

/**
 * The synced customers and orders, a page at a time, for {@code GET /data/customers} and {@code GET /data/orders}.
 * <p>
 * Chosen over H2's web console because it reads both databases the application supports (H2 and PostgreSQL), only
 * ever runs these two fixed read-only queries (the console runs any SQL, writes included), needs no database login
 * in the browser, and serves on the application's own port with nothing more to install.
 */
public final class SyncedData {

    /** Pages are capped so that one request cannot pull a large table into memory. */
    static final int MAX_SIZE = 500;
    static final int DEFAULT_SIZE = 50;

    /** A listing: its table, key column (the order of the pages) and columns, as named in the JSON. */
    private record Listing(String table, String key, List<String> columns) {
    }

    private static final Map<String, Listing> LISTINGS = Map.of(
            "customers", new Listing("okki_company", "company_id",
                    List.of("company_id", "serial_id", "name", "country", "update_time", "deleted")),
            "orders", new Listing("okki_order", "order_id",
                    List.of("order_id", "order_no", "amount", "currency", "update_time", "deleted")));

    private final DataSource database;

    SyncedData(DataSource database) {
        this.database = database;
    }

    /**
     * One page of a listing, by key: {@code {"listing", "page", "size", "total", "items": [...]}}.
     *
     * @param listing customers or orders
     * @param page    the page number from 1, 1 when null or blank
     * @param size    records per page, 1 to {@value #MAX_SIZE}, {@value #DEFAULT_SIZE} when null or blank
     * @throws NoSuchElementException   for another listing
     * @throws IllegalArgumentException for a page or size out of range or not a number
     */
    public Map<String, Object> page(String listing, String page, String size) throws SQLException {
        Listing found = LISTINGS.get(listing);
        if (found == null) {
            throw new NoSuchElementException("No listing " + listing + "; there are /data/customers and /data/orders");
        }
        int number = number("page", page, 1, Integer.MAX_VALUE, 1);
        int limit = number("size", size, 1, MAX_SIZE, DEFAULT_SIZE);
        List<Map<String, Object>> items = new ArrayList<>();
        long total;
        try (Connection c = database.getConnection()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + found.table())) {
                rs.next();
                total = rs.getLong(1);
            }
            // OFFSET ... FETCH NEXT: the standard form, which H2 and PostgreSQL both run
            String sql = "SELECT " + String.join(", ", found.columns()) + " FROM " + found.table() + " ORDER BY "
                    + found.key() + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, (long) (number - 1) * limit);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        for (int i = 0; i < found.columns().size(); i++) {
                            item.put(found.columns().get(i), rs.getObject(i + 1));
                        }
                        items.add(item);
                    }
                }
            }
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("listing", listing);
        answer.put("page", number);
        answer.put("size", limit);
        answer.put("total", total);
        answer.put("items", items);
        return answer;
    }

    private static int number(String name, String text, int min, int max, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number from " + min + " to " + max + ", not "
                + text);
    }
}
