package io.github.camelokki.examples;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DemoApplicationTest {

    @Test
    void demoRunsAgainstTheSimulatorWithoutCredentials() throws Exception {
        DemoReport report = DemoApplication.run(Map.of());

        assertNull(report.failure());
        assertEquals(List.of(3001, 3002, 3003, 3004, 3005), report.companyIds());
        assertEquals("Nordkap Outdoor AS", report.detail().get("name"));
        assertEquals(7700123, report.leadId());
    }
}
