package io.github.camelokki.simulator;

/**
 * A time OKKI keeps on a record that a list's start_time/end_time window can be asked to filter on, with the field
 * the record is answered with it in. Times OKKI filters on but never shows have no field.
 */
enum RecordTime {
    /** create_time: when the record was stored. */
    CREATE("create_time", false),
    /** update_time: the last change by a user, the API or OKKI itself; contacts and deletions leave it alone. */
    UPDATE("update_time", false),
    /** order_time: the last contact with the customer or lead (the list answers call it that). */
    CONTACT("order_time", false),
    /** edit_time: the last edit by a user; OKKI answers 1970-01-01 00:00:00 for a record never edited. */
    EDIT("edit_time", false),
    /**
     * When the company was filed as a customer (company list time_type=3). company/info shows it as archive_time but
     * the list answer does not, and the simulator answers both with one record, so it stays hidden.
     */
    FILING(null, false),
    /** account_date: the order date, a business date the user picks, kept at midnight. */
    ORDER_DATE("account_date", true),
    /** When the record was deleted (order list time_type=4); no answer shows it. */
    DELETION(null, false);

    /** What a time never set looks like in OKKI's answers (lead list answers show it as edit_time). */
    static final String NEVER = "1970-01-01 00:00:00";

    private final String field;
    private final boolean pickedByUser;

    RecordTime(String field, boolean pickedByUser) {
        this.field = field;
        this.pickedByUser = pickedByUser;
    }

    /** The record field that shows the time, or {@code null} for a time only filters see. */
    String field() {
        return field;
    }

    /** Whether a push may set the time through its field; OKKI keeps the others itself. */
    boolean pickedByUser() {
        return pickedByUser;
    }
}
