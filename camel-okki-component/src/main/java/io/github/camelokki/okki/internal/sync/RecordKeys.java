package io.github.camelokki.okki.internal.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Identifies a record version for de-duplication: its id plus its {@code update_time} where OKKI keeps one, otherwise
 * its id plus a hash of its content, so that a change is delivered and a re-read is not.
 */
public final class RecordKeys {

    public static final String UPDATE_TIME = "update_time";

    /** Sorted keys, so equal content hashes equally whatever order OKKI sent the fields in. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final String resource;
    private final String idField;
    private final boolean byUpdateTime;

    /**
     * @param resource     prefixes every key, so one repository can serve several endpoints
     * @param idField      the record's id member, e.g. company_id
     * @param byUpdateTime key versions by update_time (incremental sync) rather than by content (full scans)
     */
    public RecordKeys(String resource, String idField, boolean byUpdateTime) {
        this.resource = resource;
        this.idField = idField;
        this.byUpdateTime = byUpdateTime;
    }

    public Object id(Object record) {
        return record instanceof Map<?, ?> map ? map.get(idField) : null;
    }

    public LocalDateTime updateTime(Object record) {
        return record instanceof Map<?, ?> map ? ServerTime.parse(map.get(UPDATE_TIME)) : null;
    }

    /**
     * The key of this version of the record; deletions are keyed apart from the live record.
     *
     * @param id the record's {@link #id(Object) id}, looked up once by the caller
     */
    public String key(Object record, Object id, boolean deleted) {
        Object updateTime = byUpdateTime && record instanceof Map<?, ?> map ? map.get(UPDATE_TIME) : null;
        String version = updateTime != null ? updateTime.toString() : "#" + hash(record);
        return resource + (deleted ? ":deleted:" : ":") + (id != null ? id : "?") + "@" + version;
    }

    /** The update time a {@link #key key} names; null for a version keyed by content. */
    public static LocalDateTime versionTime(String key) {
        int at = key.lastIndexOf('@');
        return at < 0 ? null : ServerTime.parse(key.substring(at + 1));
    }

    static String hash(Object record) {
        try {
            byte[] json = CANONICAL.writeValueAsBytes(record);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 16);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            // a record parsed from JSON always writes back as JSON, and SHA-256 is in every JVM
            throw new IllegalStateException("Cannot hash an OKKI record", e);
        }
    }

    public String idField() {
        return idField;
    }
}
