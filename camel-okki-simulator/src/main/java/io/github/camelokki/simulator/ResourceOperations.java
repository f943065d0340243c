package io.github.camelokki.simulator;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.camelokki.simulator.ResourceKind.Paging;

/**
 * List, info, push and remove for any resource, driven by its {@link ResourceKind} row. Authentication and scopes
 * are checked before these run.
 */
final class ResourceOperations {

    private static final int DEFAULT_PAGE_SIZE = 20;

    private final SimClock clock;

    ResourceOperations(SimClock clock) {
        this.clock = clock;
    }

    /**
     * One page of records within the optional time window, live ones or, with the kind's deleted flag set to 1,
     * deleted ones; the answer carries the number of matching records in the kind's total field. The window applies
     * to the time the kind's {@link TimeFilter} picks for the request; a record without that time (never deleted,
     * say) is outside every window. Lists without a time filter ignore the window, as OKKI ignores parameters a list
     * does not take.
     */
    SimResponse list(ResourceKind kind, Records records, SimRequest request) {
        String now = clock.nowText();
        TimeFilter timeFilter = kind.timeFilter();
        RecordTime time = timeFilter == null ? null : timeFilter.select(request);
        LocalDateTime start;
        LocalDateTime end;
        try {
            start = time == null ? null : SimClock.parse(request.param("start_time"), LocalTime.MIN);
            end = time == null ? null : SimClock.parse(request.param("end_time"), LocalTime.of(23, 59, 59));
        } catch (DateTimeParseException e) {
            return SimResponse.invalid("start_time and end_time must look like yyyy-MM-dd HH:mm:ss", now);
        }
        boolean deleted = kind.deletedParam() != null && "1".equals(request.param(kind.deletedParam()));
        RecordTime order = timeFilter != null && timeFilter.sorts() ? time : RecordTime.UPDATE;
        Records.ListQuery query = new Records.ListQuery(deleted, time, start, end, wantedFields(kind, request), order);

        int pageSize;
        int pageNumber;
        if (kind.paging() == Paging.SINGLE) {
            pageSize = Integer.MAX_VALUE;
            pageNumber = 1;
        } else {
            // suppliers page with page_no/page_size but OKKI also takes start_index/count there
            boolean pageNo = kind.paging() == Paging.PAGE_NO;
            pageSize = positive(pageNo ? first(request, "page_size", "count") : request.param("count"),
                    DEFAULT_PAGE_SIZE);
            pageNumber = positive(pageNo ? first(request, "page_no", "start_index") : request.param("start_index"), 1);
        }
        Records.Page page = records.page(query, (int) Math.min((long) (pageNumber - 1) * pageSize,
                Integer.MAX_VALUE), pageSize);

        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", page.records());
        data.put(kind.totalField(), page.total());
        if (kind.reportsPageSize()) {
            data.put("count", pageSize);
        }
        return SimResponse.success(now, data);
    }

    /** The live record by id or by its number field. */
    SimResponse info(ResourceKind kind, Records records, SimRequest request) {
        Object record = records.findLive(request.param(kind.idField()),
                request.param(kind.numberField()));
        return record == null ? SimResponse.missing(clock.nowText())
                : SimResponse.success(clock.nowText(), record);
    }

    /** Creates a record from the JSON body, or updates the live record whose id the body carries. */
    SimResponse push(ResourceKind kind, Records records, SimRequest request) {
        Map<String, Object> body = SimJson.readObject(request.body());
        if (body == null) {
            return SimResponse.invalid(SimJson.NOT_AN_OBJECT, clock.nowText());
        }
        Object id = body.get(kind.idField());
        Map<String, Object> saved;
        if (isBlankId(id)) {
            Map<String, Object> fields = new LinkedHashMap<>(body);
            fields.remove(kind.idField());
            saved = records.create(fields);
        } else {
            saved = records.updateIfLive(id, body);
        }
        if (saved == null) {
            return SimResponse.missing(clock.nowText());
        }
        return SimResponse.success(clock.nowText(), Map.of(kind.idField(), saved.get(kind.idField())));
    }

    /** Soft-deletes the live record whose id comes in the query, the form or a JSON body. */
    SimResponse remove(ResourceKind kind, Records records, SimRequest request) {
        String id = request.param(kind.idField());
        if (id == null) {
            Map<String, Object> body = SimJson.readObject(request.body());
            id = body != null && body.get(kind.idField()) != null ? String.valueOf(body.get(kind.idField())) : null;
        }
        if (id == null || id.isBlank()) {
            return SimResponse.invalid(kind.idField() + " is required", clock.nowText());
        }
        if (!records.deleteIfLive(id)) {
            return SimResponse.missing(clock.nowText());
        }
        return SimResponse.success(clock.nowText(), List.of());
    }

    /** The values the request asks the kind's match parameters (company_id of trails, ...) to have. */
    private static Map<String, String> wantedFields(ResourceKind kind, SimRequest request) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String param : kind.matchParams()) {
            String value = request.param(param);
            if (value != null && !value.isBlank()) {
                wanted.put(param, value.strip());
            }
        }
        return wanted;
    }

    private static String first(SimRequest request, String name, String fallback) {
        String value = request.param(name);
        return value != null ? value : request.param(fallback);
    }

    private static int positive(String text, int fallback) {
        try {
            int value = text == null ? fallback : Integer.parseInt(text.strip());
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean isBlankId(Object id) {
        return id == null || String.valueOf(id).isBlank() || "0".equals(String.valueOf(id));
    }
}
