package io.github.camelokki.simulator;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * The records of one OKKI resource, shared by the HTTP side and the test or example driving the simulator.
 * <p>
 * Every method hands out copies, so callers never see a record change under them. Each record keeps the times its
 * list can filter on ({@link RecordTime}) and shows those the list answer shows, as "yyyy-MM-dd HH:mm:ss". Deleting
 * is soft, as in OKKI: the record leaves the normal lists and shows up in the deleted listing, where there is one.
 */
public final class Records {

    /** Enough for a live and a deleted walk of a few windows at once (slices of two consumers, say). */
    private static final int CACHED_QUERIES = 8;
    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d{1,18}");

    private final ResourceKind kind;
    private final SimClock clock;
    private final AtomicLong ids;
    private final Map<Long, Entry> entries = new LinkedHashMap<>(); // guarded by this
    /** The sorted matches of the latest queries, emptied by every change; guarded by this. */
    private final Map<ListQuery, List<Entry>> matches = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ListQuery, List<Entry>> eldest) {
            return size() > CACHED_QUERIES;
        }
    };
    private Random random; // guarded by this
    private int seeded; // guarded by this
    /** Told of each create, update and delete made through this class, Java or HTTP; seeding is not a change. */
    private volatile ChangeListener listener = (records, action, id) -> { };

    /** What a change reports: the records, {@code create}, {@code update} or {@code delete}, and the record's id. */
    @FunctionalInterface
    interface ChangeListener {
        void changed(Records records, String action, long id);
    }

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
     * Adds a record created, updated, contacted and filed now; never edited (edit_time shows as 1970-01-01 00:00:00,
     * as OKKI answers for a lead nobody edited). An order's account_date is taken from the fields if they carry one,
     * else it is today. The id field is assigned unless the fields already carry a numeric one that is not taken.
     */
    public synchronized Map<String, Object> create(Map<String, Object> fields) {
        LocalDateTime now = clock.now();
        Map<RecordTime, LocalDateTime> times = new EnumMap<>(RecordTime.class);
        times.put(RecordTime.CREATE, now);
        times.put(RecordTime.UPDATE, now);
        times.put(RecordTime.CONTACT, now);
        times.put(RecordTime.FILING, now);
        times.put(RecordTime.ORDER_DATE, now.toLocalDate().atStartOfDay());
        Map<String, Object> created = insert(fields, times);
        listener.changed(this, "create", (Long) created.get(kind.idField()));
        return created;
    }

    /**
     * Changes some fields of a live or deleted record as a user's edit would: update_time and edit_time become now;
     * creation, last contact and filing stay, and the order date changes only if the changes carry account_date.
     */
    public synchronized Map<String, Object> update(Object id, Map<String, Object> changes) {
        Entry entry = require(id);
        Map<String, Object> fields = new LinkedHashMap<>(entry.fields);
        changes.forEach((key, value) -> {
            if (!key.equals(kind.idField())) { // an id never changes
                fields.put(key, value);
            }
        });
        changed(entry);
        entry.fields = withoutTimes(fields, entry.times);
        LocalDateTime now = clock.now();
        stamp(entry, RecordTime.UPDATE, now);
        stamp(entry, RecordTime.EDIT, now);
        listener.changed(this, "update", entry.id);
        return copy(entry);
    }

    /**
     * Records a contact with the customer or lead: order_time (last contact) becomes now, nothing else moves, so a
     * list filtering on update time does not see it.
     *
     * @throws IllegalArgumentException if the resource keeps no contact time
     */
    public synchronized Map<String, Object> contact(Object id) {
        if (!kind.keeps(RecordTime.CONTACT)) {
            throw new IllegalArgumentException(kind.name() + " records have no order_time (last contact) to move");
        }
        Entry entry = require(id);
        changed(entry);
        entry.times.put(RecordTime.CONTACT, clock.now());
        return copy(entry);
    }

    /**
     * Soft-deletes a record: gone from normal lists, listed among the deleted ones, deletion time now. OKKI does not
     * say that deleting moves update_time, so it does not here: only a filter on the deletion time (order list
     * time_type=4) finds a deletion by when it happened.
     */
    public synchronized void delete(Object id) {
        Entry entry = require(id);
        changed(entry);
        entry.deleted = true;
        entry.times.put(RecordTime.DELETION, clock.now());
        listener.changed(this, "delete", entry.id);
    }

    /**
     * Adds {@code n} plausible records whose update times are spread over the past week (create times before them,
     * last contact and filing in between, edits at the update, order dates up to two weeks before creation), the
     * same ones for every simulator given the same history, so runs are repeatable.
     */
    public synchronized List<Map<String, Object>> seed(int n) {
        LocalDateTime now = clock.now();
        List<Map<String, Object>> created = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            seeded++;
            LocalDateTime updated = now.minusSeconds(random.nextInt((int) Duration.ofDays(7).toSeconds()));
            LocalDateTime createdAt = updated.minusSeconds(random.nextInt((int) Duration.ofDays(30).toSeconds()));
            Map<String, Object> fields = Seeder.fields(kind, seeded, random);
            Map<RecordTime, LocalDateTime> times = new EnumMap<>(RecordTime.class);
            times.put(RecordTime.CREATE, createdAt);
            times.put(RecordTime.UPDATE, updated);
            // drawn only for the times the resource keeps, so the others seed as they always did
            int lifetime = (int) Duration.between(createdAt, updated).toSeconds();
            if (kind.keeps(RecordTime.CONTACT)) {
                times.put(RecordTime.CONTACT, createdAt.plusSeconds(random.nextInt(lifetime + 1)));
            }
            if (kind.keeps(RecordTime.FILING)) {
                times.put(RecordTime.FILING, createdAt.plusSeconds(random.nextInt(lifetime + 1)));
            }
            if (kind.keeps(RecordTime.ORDER_DATE)) {
                times.put(RecordTime.ORDER_DATE, createdAt.toLocalDate().minusDays(random.nextInt(15))
                        .atStartOfDay());
            }
            times.put(RecordTime.EDIT, updated);
            created.add(insert(fields, times));
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
    public synchronized List<Map<String, Object>> all() {
        List<Entry> live = matching(new ListQuery(false, null, null, null, Map.of(), RecordTime.UPDATE));
        List<Map<String, Object>> copies = new ArrayList<>(live.size());
        live.forEach(entry -> copies.add(copy(entry)));
        return copies;
    }

    void listener(ChangeListener listener) {
        this.listener = listener;
    }

    /** Removes every record and restarts the seeded sequence. */
    public synchronized void clear() {
        changed(null);
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

    /** One page of the records the query matches, in the query's order, with the number of matches. */
    synchronized Page page(ListQuery query, int offset, int limit) {
        List<Entry> matching = matching(query);
        int from = Math.min(offset, matching.size());
        int to = (int) Math.min((long) from + limit, matching.size());
        List<Object> records = new ArrayList<>(to - from);
        for (Entry entry : matching.subList(from, to)) {
            records.add(json(entry));
        }
        return new Page(records, matching.size());
    }

    /**
     * The records the query matches, the latest {@code order} time first (never set counts as oldest); the id keeps
     * records of the same second in a stable order. The sorted matches of the last few queries are kept until the
     * records change, so walking the pages of one window costs one pass over the records, not one per page: a first
     * sync of 100,000 records reads 1,000 pages.
     */
    private List<Entry> matching(ListQuery query) {
        List<Entry> matching = matches.get(query);
        if (matching == null) {
            matching = entries.values().stream().filter(query::test).sorted(query.newestFirst()).toList();
            matches.put(query, matching);
        }
        return matching;
    }

    /**
     * What a list asks for: live or deleted records, within a window on one of their times (either end open), whose
     * fields have the given values, ordered by a time.
     *
     * @param deleted whether the deleted records are listed instead of the live ones
     * @param time    the time the window applies to; {@code null} for a list without a window
     * @param start   the window's first second, or {@code null}
     * @param end     the window's last second, or {@code null}
     * @param fields  values the records' fields must have
     * @param order   the time the list is ordered by, newest first
     */
    record ListQuery(boolean deleted, RecordTime time, LocalDateTime start, LocalDateTime end,
            Map<String, String> fields, RecordTime order) {

        boolean test(Entry entry) {
            if (entry.deleted != deleted || !within(entry.time(time))) {
                return false;
            }
            for (Map.Entry<String, String> wanted : fields.entrySet()) {
                if (!wanted.getValue().equals(String.valueOf(entry.fields.get(wanted.getKey())))) {
                    return false;
                }
            }
            return true;
        }

        /** Whether the time is within the window; any time is when there is no window, none is when there is one. */
        private boolean within(LocalDateTime value) {
            if (start == null && end == null) {
                return true;
            }
            return value != null && (start == null || !value.isBefore(start)) && (end == null || !value.isAfter(end));
        }

        Comparator<Entry> newestFirst() {
            return Comparator.comparing((Entry e) -> e.time(order),
                    Comparator.nullsFirst(Comparator.<LocalDateTime>naturalOrder())).reversed()
                    .thenComparingLong(e -> e.id);
        }
    }

    /**
     * The live record whose id field, or else whose number field (order_no, serial_id, ...), has the value, as the
     * JSON OKKI answers it with ({@link SimJson#raw}); {@code null} if there is none.
     */
    synchronized Object findLive(String id, String number) {
        Entry entry = id != null ? entries.get(toId(id)) : entries.values().stream()
                .filter(e -> number != null && kind.numberField() != null
                        && number.equals(String.valueOf(e.fields.get(kind.numberField()))))
                .findFirst().orElse(null);
        return entry == null || entry.deleted ? null : json(entry);
    }

    /** A page of records, each as the JSON OKKI answers it with ({@link SimJson#raw}), and how many matched in all. */
    record Page(List<Object> records, int total) {
    }

    /** The times the record keeps, shown or not, for tests that check a filter against them. */
    synchronized Map<RecordTime, LocalDateTime> times(Object id) {
        return new EnumMap<>(require(id).times);
    }

    /** A stored record with what list filtering needs at hand. */
    static final class Entry {
        final long id;
        /** The fields without the times, which {@link #copy} adds. */
        Map<String, Object> fields;
        /** The times the resource keeps; one not set yet (edit, deletion) is absent. */
        final Map<RecordTime, LocalDateTime> times = new EnumMap<>(RecordTime.class);
        boolean deleted;
        /** The record as answered, made when first asked for and dropped when the record changes. */
        Map<String, Object> shown;
        /** {@link #shown} as JSON, likewise. */
        Object json;

        Entry(long id) {
            this.id = id;
        }

        /** The time, or {@code null} if the record has not got it (yet). */
        LocalDateTime time(RecordTime time) {
            return times.get(time);
        }
    }

    private Map<String, Object> insert(Map<String, Object> fields, Map<RecordTime, LocalDateTime> times) {
        Long wanted = toId(fields.get(kind.idField()));
        long id = wanted != null && wanted > 0 && !entries.containsKey(wanted) ? wanted : ids.incrementAndGet();
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put(kind.idField(), id);
        fields.forEach(stored::putIfAbsent);
        Entry entry = new Entry(id);
        times.forEach((time, value) -> stamp(entry, time, value));
        entry.fields = withoutTimes(stored, entry.times);
        changed(entry);
        entries.put(id, entry);
        return copy(entry);
    }

    /** Forgets the matches of earlier queries and how the record was shown: it is about to change, appear or go. */
    private void changed(Entry entry) {
        matches.clear();
        if (entry != null) {
            entry.shown = null;
            entry.json = null;
        }
    }

    /** Sets a time the resource keeps; the others do not exist on its records. */
    private void stamp(Entry entry, RecordTime time, LocalDateTime value) {
        if (kind.keeps(time)) {
            entry.times.put(time, value);
        }
    }

    /**
     * The fields without those that show a kept time, which OKKI sets itself; a time the user picks (the order date)
     * is taken into {@code times} when it reads as a date, else ignored.
     */
    private Map<String, Object> withoutTimes(Map<String, Object> fields, Map<RecordTime, LocalDateTime> times) {
        for (RecordTime time : kind.times()) {
            Object value = time.field() == null ? null : fields.remove(time.field());
            if (value != null && time.pickedByUser()) {
                try {
                    LocalDateTime date = SimClock.parse(String.valueOf(value), LocalTime.MIN);
                    if (date != null) {
                        times.put(time, date.toLocalDate().atStartOfDay());
                    }
                } catch (DateTimeParseException notADate) {
                    // OKKI's answer to a malformed date is not documented; the order date stays
                }
            }
        }
        return fields;
    }

    private Entry require(Object id) {
        Entry entry = entries.get(toId(id));
        if (entry == null) {
            throw new NoSuchElementException("no " + kind.name() + " with " + kind.idField() + " " + id);
        }
        return entry;
    }

    /** The record as OKKI answers it, a copy the caller may change. */
    private Map<String, Object> copy(Entry entry) {
        return new LinkedHashMap<>(shown(entry));
    }

    /**
     * The record as OKKI answers it, its fields and the times the list answer shows, read-only: made once per version
     * of the record, so the pages of a large list do not format the same times again and again.
     */
    private Map<String, Object> shown(Entry entry) {
        if (entry.shown == null) {
            Map<String, Object> record = new LinkedHashMap<>(entry.fields);
            for (RecordTime time : kind.times()) {
                if (time.field() != null) {
                    LocalDateTime value = entry.time(time);
                    record.put(time.field(), value == null ? RecordTime.NEVER : SimClock.format(value));
                }
            }
            entry.shown = Collections.unmodifiableMap(record);
        }
        return entry.shown;
    }

    /**
     * {@link #shown} written as JSON once per version of the record: a list answer splices it in as it is, so the
     * pages of a large list cost about what the client pays to read them, not several times as much.
     */
    private Object json(Entry entry) {
        if (entry.json == null) {
            entry.json = SimJson.raw(shown(entry));
        }
        return entry.json;
    }

    /** Ids arrive as numbers from Java and as text from HTTP; anything that is not a whole number matches nothing. */
    static Long toId(Object id) {
        if (id instanceof Number n) {
            return n.longValue();
        }
        if (id instanceof String s && WHOLE_NUMBER.matcher(s.strip()).matches()) {
            return Long.parseLong(s.strip());
        }
        return null;
    }
}
