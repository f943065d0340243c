package io.github.camelokki.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The records of one OKKI resource, shared by the HTTP side and the test or example driving the simulator.
 * <p>
 * Every method hands out copies, so callers never see a record change under them. Deleting is soft, as in OKKI: the
 * record leaves the normal lists and shows up in the deleted listing with a fresh update_time, which is how an
 * incremental sync learns about deletions.
 */
public final class Records {

    /** Orders lists as OKKI does: latest update first; the id keeps records of the same second in a stable order. */
    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing((Entry e) -> e.updated).reversed()
            .thenComparingLong(e -> e.id);

    private final ResourceKind kind;
    private final SimClock clock;
    private final AtomicLong ids;
    private final Map<Long, Entry> entries = new LinkedHashMap<>(); // guarded by this
    private Random random; // guarded by this
    private int seeded; // guarded by this

    Records(ResourceKind kind, SimClock clock, AtomicLong ids) {
        this.kind = kind;
        this.clock = clock;
        this.ids = ids;
        clear();
    }

    /** The resource name, as in the component's URIs. */
    public String name() {
        return kind.name();
    }

    /** The field that holds a record's id, e.g. {@code company_id}. */
    public String idField() {
        return kind.idField();
    }

    /**
     * Adds a record with create_time and update_time set to now. The id field is assigned unless the fields already
     * carry a numeric one that is not taken.
     */
    public synchronized Map<String, Object> create(Map<String, Object> fields) {
        LocalDateTime now = clock.now();
        return insert(fields, now, now);
    }

    /** Changes some fields of a live or deleted record and sets its update_time to now. */
    public synchronized Map<String, Object> update(Object id, Map<String, Object> changes) {
        Entry entry = require(id);
        Map<String, Object> fields = new LinkedHashMap<>(entry.fields);
        changes.forEach((key, value) -> {
            if (!key.equals(kind.idField())) { // an id never changes
                fields.put(key, value);
            }
        });
        entry.fields = fields;
        touch(entry, entry.created, clock.now());
        return copy(entry);
    }

    /** Soft-deletes a record: gone from normal lists, listed among the deleted ones, update_time now. */
    public synchronized void delete(Object id) {
        Entry entry = require(id);
        entry.deleted = true;
        touch(entry, entry.created, clock.now());
    }

    /**
     * Adds {@code n} plausible records whose update times are spread over the past week (create times before them),
     * the same ones for every simulator given the same history, so runs are repeatable.
     */
    public synchronized List<Map<String, Object>> seed(int n) {
        LocalDateTime now = clock.now();
        List<Map<String, Object>> created = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            seeded++;
            LocalDateTime updated = now.minusSeconds(random.nextInt((int) Duration.ofDays(7).toSeconds()));
            LocalDateTime createdAt = updated.minusSeconds(random.nextInt((int) Duration.ofDays(30).toSeconds()));
            created.add(insert(Seeder.fields(kind, seeded, random), createdAt, updated));
        }
        return created;
    }

    /** How many records exist, deleted ones not counted. */
    public synchronized int size() {
        return (int) entries.values().stream().filter(e -> !e.deleted).count();
    }

    /** The record with the id, deleted or not, or {@code null}. */
    public synchronized Map<String, Object> get(Object id) {
        Entry entry = entries.get(toId(id));
        return entry == null ? null : copy(entry);
    }

    /** Whether the record with the id exists and is deleted. */
    public synchronized boolean isDeleted(Object id) {
        Entry entry = entries.get(toId(id));
        return entry != null && entry.deleted;
    }

    /** All live records, newest update first. */
    public List<Map<String, Object>> all() {
        return page(e -> !e.deleted, 0, Integer.MAX_VALUE).records();
    }

    /** Removes every record and restarts the seeded sequence. */
    public synchronized void clear() {
        entries.clear();
        random = new Random(kind.name().hashCode());
        seeded = 0;
    }

    /** {@link #update}, unless the record is missing or deleted; then {@code null}. */
    synchronized Map<String, Object> updateIfLive(Object id, Map<String, Object> changes) {
        Entry entry = entries.get(toId(id));
        return entry == null || entry.deleted ? null : update(id, changes);
    }

    /** {@link #delete}, unless the record is missing or already deleted; then {@code false}. */
    synchronized boolean deleteIfLive(Object id) {
        Entry entry = entries.get(toId(id));
        if (entry == null || entry.deleted) {
            return false;
        }
        delete(id);
        return true;
    }

    /** One page of the records matching the filter, in list order, with the number of matches. */
    synchronized Page page(Predicate<Entry> filter, int offset, int limit) {
        List<Entry> matching = entries.values().stream().filter(filter).sorted(NEWEST_FIRST).toList();
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + limit, matching.size());
        List<Map<String, Object>> records = new ArrayList<>(to - from);
        for (Entry entry : matching.subList(from, to)) {
            records.add(copy(entry));
        }
        return new Page(records, matching.size());
    }

    /** The live record whose id field, or else whose number field (order_no, serial_id, ...), has the value. */
    synchronized Map<String, Object> findLive(String id, String number) {
        Entry entry = id != null ? entries.get(toId(id)) : entries.values().stream()
                .filter(e -> number != null && number.equals(String.valueOf(e.fields.get(kind.numberField()))))
                .findFirst().orElse(null);
        return entry == null || entry.deleted ? null : copy(entry);
    }

    /** A page of records and how many matched in all. */
    record Page(List<Map<String, Object>> records, int total) {
    }

    /** A stored record with what list filtering needs at hand. */
    static final class Entry {
        final long id;
        Map<String, Object> fields;
        LocalDateTime created;
        LocalDateTime updated;
        boolean deleted;

        Entry(long id, Map<String, Object> fields) {
            this.id = id;
            this.fields = fields;
        }

        LocalDateTime created() {
            return created;
        }

        LocalDateTime updated() {
            return updated;
        }

        boolean deleted() {
            return deleted;
        }
    }

    private Map<String, Object> insert(Map<String, Object> fields, LocalDateTime created, LocalDateTime updated) {
        Long wanted = toId(fields.get(kind.idField()));
        long id = wanted != null && wanted > 0 && !entries.containsKey(wanted) ? wanted : ids.incrementAndGet();
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put(kind.idField(), id);
        fields.forEach((key, value) -> {
            if (!key.equals(kind.idField())) {
                stored.put(key, value);
            }
        });
        Entry entry = new Entry(id, stored);
        touch(entry, created, updated);
        entries.put(id, entry);
        return copy(entry);
    }

    private static void touch(Entry entry, LocalDateTime created, LocalDateTime updated) {
        entry.created = created;
        entry.updated = updated;
        Map<String, Object> fields = new LinkedHashMap<>(entry.fields);
        fields.put("create_time", SimClock.format(created));
        fields.put("update_time", SimClock.format(updated));
        entry.fields = fields;
    }

    private Entry require(Object id) {
        Entry entry = entries.get(toId(id));
        if (entry == null) {
            throw new NoSuchElementException("no " + kind.name() + " with " + kind.idField() + " " + id);
        }
        return entry;
    }

    private static Map<String, Object> copy(Entry entry) {
        return new LinkedHashMap<>(entry.fields);
    }

    /** Ids arrive as numbers from Java and as text from HTTP; anything that is not a whole number matches nothing. */
    static Long toId(Object id) {
        if (id instanceof Number n) {
            return n.longValue();
        }
        if (id instanceof String s && s.strip().matches("\\d{1,18}")) {
            return Long.parseLong(s.strip());
        }
        return null;
    }
}
