package io.github.camelokki.okki.internal.sync;

import org.apache.camel.spi.IdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyStoresTest {

    @Test
    void keepsTheMostRecentlyStoredKeys() throws Exception {
        IdempotentRepository keys = KeyStores.inMemory(2);
        keys.start();
        assertTrue(keys.add("company:1@a"));
        assertTrue(keys.add("company:2@a"));
        assertFalse(keys.add("company:1@a"), "a key is stored once");
        assertTrue(keys.contains("company:1@a"));
        assertTrue(keys.add("company:3@a"));

        assertFalse(keys.contains("company:1@a"), "the oldest key is evicted");
        assertTrue(keys.contains("company:2@a"));
        assertTrue(keys.contains("company:3@a"));
        keys.stop();
    }

    @Test
    void refusesANonPositiveCapacity() {
        assertEquals("idempotentCacheSize must be at least 1, not 0",
                assertThrows(IllegalArgumentException.class, () -> KeyStores.inMemory(0)).getMessage());
    }
}
