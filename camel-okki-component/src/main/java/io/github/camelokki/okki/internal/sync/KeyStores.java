package io.github.camelokki.okki.internal.sync;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;

/**
 * Where the polling consumer keeps the keys of delivered record versions when the user gives no repository.
 */
public final class KeyStores {

    private KeyStores() {
    }

    /**
     * Camel's {@link MemoryIdempotentRepository} holding the {@code capacity} most recently stored keys, the oldest
     * evicted first: the keys a later poll can meet again are those of the records delivered last. The map is the
     * JDK's insertion-ordered {@link LinkedHashMap} rather than Camel's default LRU cache, which records every read in
     * a concurrent queue for its eviction; the repository already guards every access with its own lock, and the
     * consumer looks up and stores a key for every record, so this is on its hot path.
     */
    public static IdempotentRepository inMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("idempotentCacheSize must be at least 1, not " + capacity);
        }
        Map<String, Object> keys = new LinkedHashMap<>(Math.min(capacity, 1 << 16)) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                return size() > capacity;
            }
        };
        return MemoryIdempotentRepository.memoryIdempotentRepository(keys);
    }
}
