package io.github.camelokki.examples.sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The application's settings, found where Camel Main users expect them, first match wins: the overrides a caller
 * passes (tests), a JVM system property ({@code -Dokki.db.url=...}), an environment variable in Camel's form
 * ({@code OKKI_DB_URL}, {@code CAMEL_COMPONENT_OKKI_CLIENT_ID}), then {@code application.properties}. Camel Main
 * resolves its own options that way; these are the ones the application reads before Camel starts.
 */
final class Settings {

    private final Properties file;
    private final Properties overrides;
    private final Map<String, String> env;

    private Settings(Properties file, Properties overrides, Map<String, String> env) {
        this.file = file;
        this.overrides = overrides;
        this.env = env;
    }

    static Settings load(Map<String, String> env, Properties overrides) throws IOException {
        Properties file = new Properties();
        try (InputStream in = Settings.class.getResourceAsStream("/application.properties")) {
            file.load(in);
        }
        return new Settings(file, overrides, env);
    }

    /** The value of the setting, or null when it is unset or blank everywhere. */
    String get(String key) {
        return firstSet(overrides.getProperty(key), System.getProperty(key), env.get(envName(key)),
                file.getProperty(key));
    }

    /** The first value that is neither null nor blank, or null. */
    static String firstSet(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    String get(String key, String fallback) {
        String value = get(key);
        return value != null ? value : fallback;
    }

    /**
     * A duration in milliseconds, above 0.
     *
     * @throws IllegalArgumentException naming the setting when its value is not such a number
     */
    long millis(String key, long fallback) {
        String value = get(key);
        if (value == null) {
            return fallback;
        }
        try {
            long millis = Long.parseLong(value.strip());
            if (millis > 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(key + " must be a whole number of milliseconds above 0, not '" + value
                + "'");
    }

    /** Every setting of application.properties and the overrides, resolved, for Camel Main's override properties. */
    Properties resolved() {
        Properties all = new Properties();
        file.stringPropertyNames().forEach(key -> all.setProperty(key, get(key, file.getProperty(key))));
        overrides.stringPropertyNames().forEach(key -> all.setProperty(key, overrides.getProperty(key)));
        return all;
    }

    /** Camel's environment variable form of a property name: upper case, dots and dashes as underscores. */
    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }
}
