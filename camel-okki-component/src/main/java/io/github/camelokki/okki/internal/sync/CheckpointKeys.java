package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.okki.state.JdbcStateRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spi.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys of the record versions delivered since the checkpoint that a poll resumed from it would read again: those
 * dated at or after the watermark less the overlap. The default key store lives in memory and is empty after a restart;
 * these keys are kept beside the watermark in the state repository and put back into the key store when the sync
 * starts, so that a restart in the middle of a slice (or of an overlap) delivers nothing twice, and the next node
 * taking over shared state skips them too.
 * <p>
 * They are saved after each page and when the consumer stops; a process killed in the middle of a page delivers the
 * records of that page routed before the kill again. A slice holds at most maxSliceRecords records, so the value is
 * bounded (about 40 characters per record). A store that refuses a value that long ({@link JdbcStateRepository}'s
 * column holds 500 characters) is told once in the log: the sync goes on, and a restart then delivers the slice in
 * progress again, as a key store in memory would without these keys.
 */
final class CheckpointKeys {

    /** Keeps nothing: for a key store that outlives restarts itself, and for lists read in full. */
    static final CheckpointKeys NONE = new CheckpointKeys(null, null, null);

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointKeys.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
    };

    private final StateRepository<String, String> state;
    private final String stateKey;
    private final String uri;
    private final Set<String> keys = new LinkedHashSet<>();
    private boolean changed;
    private boolean refused;

    /**
     * @param state     the repository holding the watermark
     * @param watermark the watermark's key; these keys are stored under it plus {@code |delivered}
     * @param uri       the list, for the log
     */
    CheckpointKeys(StateRepository<String, String> state, String watermark, String uri) {
        this.state = state;
        this.stateKey = watermark == null ? null : watermark + "|delivered";
        this.uri = uri;
    }

    /** Puts the keys saved by an earlier run into the key store. */
    synchronized void restoreInto(IdempotentRepository delivered) {
        if (state == null) {
            return;
        }
        String saved = state.getState(stateKey);
        if (saved == null || saved.isEmpty()) {
            return;
        }
        try {
            for (String key : JSON.readValue(saved, KEYS)) {
                keys.add(key);
                delivered.add(key);
            }
            LOG.debug("okki:{} resumes with the {} keys delivered since its checkpoint", uri, keys.size());
        } catch (JsonProcessingException e) {
            // only this class writes the value; if it is damaged, resuming without it re-delivers, and loses nothing
            LOG.warn("okki:{} cannot read the keys delivered since its checkpoint ({}): the records of the slice in"
                    + " progress may be delivered again", uri, e.getOriginalMessage());
        }
    }

    /** A record version whose exchange completed. */
    void delivered(String key) {
        if (state == null) {
            return; // NONE, on every record of every consumer: no lock taken
        }
        synchronized (this) {
            changed |= keys.add(key);
        }
    }

    /** The watermark moved: only the keys of records dated at or after {@code from} can be read again. */
    synchronized void keepFrom(LocalDateTime from) {
        if (state != null && keys.removeIf(key -> {
            LocalDateTime time = RecordKeys.versionTime(key);
            return time == null || time.isBefore(from);
        })) {
            changed = true;
        }
    }

    /** Writes the keys to the state repository if they changed since the last save. */
    synchronized void save() {
        if (state == null || !changed || refused) {
            return;
        }
        try {
            state.setState(stateKey, JSON.writeValueAsString(keys));
            changed = false;
        } catch (JsonProcessingException | RuntimeException e) {
            refused = true;
            LOG.warn("okki:{}: the state repository refused the {} keys delivered since the checkpoint ({}). Syncing"
                    + " goes on, but a restart will deliver the records of the slice in progress again; give the"
                    + " consumer an idempotentRepository that outlives restarts to avoid that.", uri, keys.size(),
                    e.getMessage());
        }
    }

    /** How many keys are kept; for tests. */
    synchronized int size() {
        return keys.size();
    }
}
