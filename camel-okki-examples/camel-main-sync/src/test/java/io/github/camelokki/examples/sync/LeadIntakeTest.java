package io.github.camelokki.examples.sync;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelokki.simulator.OkkiSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * CSV files of leads: a bad row rejects the whole file before anything is sent; a row created once is never created
 * again, whether the same file or a corrected one is dropped again.
 */
class LeadIntakeTest {

    private static final String HEADER = "name,country,contact,email\n";
    private static final String FJORD = "Fjord Fishing AS,NO,Kari Nordmann,kari@fjord.example\n";
    private static final String PAMPA = "Pampa Foods SA,AR,Juan Perez,juan@pampa.example\n";

    private static List<Object> leadNames(OkkiSimulator sim) {
        List<Object> names = new ArrayList<>();
        sim.records("lead").all().forEach(lead -> names.add(lead.get("name")));
        names.sort(null);
        return names;
    }

    /** Drops the file and waits until the route has moved it to .done or .failed; returns where it went. */
    private static String drop(Path inbox, String name, String content) throws Exception {
        Files.writeString(inbox.resolve(name + ".tmp"), content);
        Files.move(inbox.resolve(name + ".tmp"), inbox.resolve(name));
        Path done = inbox.resolve(".done").resolve(name);
        Path failed = inbox.resolve(".failed").resolve(name);
        SyncApplicationTestSupport.await("the file " + name + " to be handled",
                () -> Files.exists(done) && !Files.exists(inbox.resolve(name)) || Files.exists(failed));
        String where = Files.exists(failed) ? ".failed" : ".done";
        Files.delete(inbox.resolve(where).resolve(name));
        return where;
    }

    @Test
    void aBadRowRejectsTheFileAndNoRowIsCreatedTwice(@TempDir Path inbox) throws Exception {
        Properties overrides = new Properties();
        overrides.setProperty("leads.inbox", inbox.toString());
        overrides.setProperty("okki.db.url", "jdbc:h2:mem:okki-lead-intake;DB_CLOSE_DELAY=-1");
        try (ServerSocket free = new ServerSocket(0)) {
            overrides.setProperty("camel.server.port", String.valueOf(free.getLocalPort()));
        }
        try (SyncApplication app = SyncApplication.create(Map.of(), overrides)) {
            app.start();
            OkkiSimulator sim = app.simulator();

            assertEquals(".failed", drop(inbox, "leads.csv", HEADER + FJORD + "Pampa Foods SA,AR,Juan Perez,not-an-address\n"));
            assertEquals(List.of(), leadNames(sim), "nothing of a rejected file is sent");

            assertEquals(".done", drop(inbox, "leads.csv", HEADER + FJORD + PAMPA));
            assertEquals(List.of("Fjord Fishing AS", "Pampa Foods SA"), leadNames(sim));

            assertEquals(".done", drop(inbox, "leads.csv", HEADER + FJORD + PAMPA));
            assertEquals(".done", drop(inbox, "more.csv", HEADER + " fjord fishing as ,no,Kari Nordmann,KARI@fjord.example\n"
                    + "Atlas Trading Ltd,GB,Ann Smith,ann@atlas.example\n"));
            assertEquals(List.of("Atlas Trading Ltd", "Fjord Fishing AS", "Pampa Foods SA"), leadNames(sim));
            assertEquals(3, SyncApplicationTestSupport.count(app, "okki_lead_intake"));
        }
    }
}
