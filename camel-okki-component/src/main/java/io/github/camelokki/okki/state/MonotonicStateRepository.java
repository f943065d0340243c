package io.github.camelokki.okki.state;

import org.apache.camel.spi.StateRepository;

/**
 * A {@link StateRepository} that can move a value forward in one atomic step (compare-and-set), so that writers
 * racing on the same key, in this JVM or on other nodes, end at the greatest value written, never at an older one.
 * <p>
 * The polling consumer moves its watermark through {@link #advanceState} when its state repository offers it: on
 * Camel 4.17 a node that lost leadership can keep polling for a while (CAMEL-24583/24584, fixed in 4.22), and its
 * older watermark must not overwrite the newer one of the node now leading. Values are compared as text, which orders
 * watermarks correctly because they are always written as {@code yyyy-MM-dd HH:mm:ss} (fixed width, most significant
 * field first).
 */
public interface MonotonicStateRepository extends StateRepository<String, String> {

    /**
     * Stores the value unless the key already holds one that sorts at or after it, atomically with respect to every
     * other writer of the store.
     *
     * @return true when the value was stored, false when the stored value was already at or after it
     */
    boolean advanceState(String key, String value);
}
