package io.github.camelokki.okki.internal.sync;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * OKKI's timestamps: {@code yyyy-MM-dd HH:mm:ss} in the account's time zone, second precision. The component never
 * compares them with the local clock, only with each other, so the zone does not matter.
 */
public final class ServerTime {

    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ServerTime() {
    }

    /** Parses a timestamp ({@code yyyy-MM-dd HH:mm:ss} or a bare date); null for null, blank or unreadable text. */
    public static LocalDateTime parse(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().strip();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text, FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    public static String format(LocalDateTime time) {
        return FORMAT.format(time);
    }
}
