package io.github.camelokki.okki.internal.sync;

import java.time.LocalDateTime;
import java.util.Optional;

import io.github.camelokki.okki.state.JdbcStateRepository;
import io.github.camelokki.okki.state.MonotonicStateRepository;
import org.apache.camel.spi.StateRepository;

/**
 * How far an incremental sync has got: OKKI's time up to which every change has been delivered, kept in a Camel
 * {@link StateRepository} so that it survives restarts and, with a shared repository, moves to another node.
 * <p>
 * It only moves forward. In a {@link MonotonicStateRepository} (the component's {@link JdbcStateRepository}) the move
 * is a compare-and-set in the store, so it holds between nodes too. Other stores (Camel's
 * {@code MemoryStateRepository} and {@code FileStateRepository}) have no compare-and-set: the read, comparison and
 * write are then done holding the repository instance's monitor, which makes them atomic between consumers sharing
 * that instance in one JVM, and for nothing else: two nodes, each with its own instance over one file, do not see
 * each other's writes and the last writer wins, even with an older watermark.
 */
public final class Watermark {

    private final StateRepository<String, String> repository;
    private final String key;
    private final String legacyKey;

    public Watermark(StateRepository<String, String> repository, String key) {
        this(repository, key, null);
    }

    /** @param legacyKey where an earlier version kept this watermark, read while the key holds none; may be null */
    public Watermark(StateRepository<String, String> repository, String key, String legacyKey) {
        this.repository = repository;
        this.key = key;
        this.legacyKey = legacyKey;
    }

    public Optional<LocalDateTime> get() {
        String value = repository.getState(key);
        if (value == null && legacyKey != null) {
            value = repository.getState(legacyKey);
        }
        return Optional.ofNullable(ServerTime.parse(value));
    }

    /**
     * Moves the watermark to {@code time} unless it is already there or later.
     *
     * @return true when it moved; false when the stored watermark (perhaps another node's) is at or after it
     */
    public boolean advance(LocalDateTime time) {
        String value = ServerTime.format(time);
        if (repository instanceof MonotonicStateRepository monotonic) {
            return monotonic.advanceState(key, value);
        }
        synchronized (repository) {
            LocalDateTime current = get().orElse(null);
            if (current != null && !time.isAfter(current)) {
                return false;
            }
            repository.setState(key, value);
            return true;
        }
    }

    public String key() {
        return key;
    }
}
