package io.github.camelokki.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * OKKI's clock as the simulator sees it: wall time in Asia/Shanghai (OKKI's zone) unless a test pins or shifts it.
 * Times are whole seconds because OKKI's "yyyy-MM-dd HH:mm:ss" strings carry no fraction; records written in the
 * same second therefore share an update_time, exactly the edge an incremental sync must cope with.
 */
public final class SimClock {

    /** OKKI's time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** The format of OKKI's time strings. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private LocalDateTime pinned;
    private Duration offset = Duration.ZERO;

    SimClock() {
    }

    /** The simulated OKKI time, to the second. */
    public synchronized LocalDateTime now() {
        LocalDateTime t = pinned != null ? pinned : LocalDateTime.now(ZONE).plus(offset);
        return t.truncatedTo(ChronoUnit.SECONDS);
    }

    /** {@link #now()} as OKKI writes it. */
    public String nowText() {
        return format(now());
    }

    /** Freezes the clock at the given time; it then moves only through {@link #advance(Duration)}. */
    public synchronized void setNow(LocalDateTime time) {
        pinned = time.truncatedTo(ChronoUnit.SECONDS);
    }

    /** Moves the clock forward (or back, with a negative duration), frozen or not. */
    public synchronized void advance(Duration duration) {
        if (pinned != null) {
            pinned = pinned.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    /** Back to unshifted wall time. */
    public synchronized void useRealTime() {
        pinned = null;
        offset = Duration.ZERO;
    }

    /**
     * The time as OKKI writes it, "yyyy-MM-dd HH:mm:ss". Written digit by digit: every record of every list answer
     * shows several times, and {@link #FORMAT} costs about ten times as much.
     */
    public static String format(LocalDateTime time) {
        int year = time.getYear();
        if (year < 0 || year > 9999) {
            return FORMAT.format(time);
        }
        char[] text = "0000-00-00 00:00:00".toCharArray();
        digits(text, 0, 4, year);
        digits(text, 5, 2, time.getMonthValue());
        digits(text, 8, 2, time.getDayOfMonth());
        digits(text, 11, 2, time.getHour());
        digits(text, 14, 2, time.getMinute());
        digits(text, 17, 2, time.getSecond());
        return new String(text);
    }

    private static void digits(char[] text, int at, int width, int value) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /**
     * Reads OKKI's "yyyy-MM-dd HH:mm:ss" or a bare date, which stands for the given time of that day; blank text
     * gives {@code null}.
     *
     * @throws java.time.format.DateTimeParseException for anything else
     */
    static LocalDateTime parse(String text, LocalTime timeOfBareDate) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        return value.length() == 10 ? LocalDate.parse(value).atTime(timeOfBareDate) : LocalDateTime.parse(value, FORMAT);
    }
}
