package io.github.camelokki.examples;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DemoApplicationTest {

    @Test
    void demoRunsAgainstTheSimulatorWithoutCredentials() throws Exception {
        DemoReport report = DemoApplication.run(Map.of());

        assertNull(report.failure());
        assertEquals(List.of(3001, 3002, 3003, 3004, 3005), report.companyIds());
        assertEquals("Nordkap Outdoor AS", report.detail().get("name"));
        assertEquals(7700123, report.leadId());
    }

    @Test
    void partOfAnOkkiConnectionStopsTheStart() {
        // never the simulator nor OKKI's production host with half a connection: the demo says what is missing
        String both = "a real OKKI account needs both OKKI_CLIENT_ID and OKKI_CLIENT_SECRET (and OKKI_BASE_URL only"
                + " for another host); unset all three to run against the embedded simulator";
        assertEquals("OKKI_CLIENT_SECRET is not set: " + both, assertThrows(IllegalArgumentException.class,
                () -> DemoApplication.run(Map.of("OKKI_CLIENT_ID", "an-id"))).getMessage());
        assertEquals("OKKI_CLIENT_ID is not set: " + both, assertThrows(IllegalArgumentException.class,
                () -> DemoApplication.run(Map.of("OKKI_CLIENT_SECRET", "a-secret"))).getMessage());
        assertEquals("OKKI_CLIENT_ID is not set: " + both, assertThrows(IllegalArgumentException.class,
                () -> DemoApplication.run(Map.of("OKKI_BASE_URL", "http://127.0.0.1:9"))).getMessage());
    }
}
