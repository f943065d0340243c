package io.github.camelokki.okki.sync;

import java.time.LocalDateTime;
import java.util.Optional;

import org.apache.camel.spi.StateRepository;

/**
 * How far an incremental sync has got: OKKI's time up to which every change has been delivered, kept in a Camel
 * {@link StateRepository} so that it survives restarts and, with a shared repository, moves to another node.
 */
public final class Watermark {

    private final StateRepository<String, String> repository;
    private final String key;

    public Watermark(StateRepository<String, String> repository, String key) {
        this.repository = repository;
        this.key = key;
    }

    public Optional<LocalDateTime> get() {
        return Optional.ofNullable(ServerTime.parse(repository.getState(key)));
    }

    public void set(LocalDateTime time) {
        repository.setState(key, ServerTime.format(time));
    }

    public String key() {
        return key;
    }
}
