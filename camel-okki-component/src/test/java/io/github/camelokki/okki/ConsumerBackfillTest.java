package io.github.camelokki.okki;

import java.io.File;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import io.github.camelokki.simulator.Fault;
import io.github.camelokki.simulator.Records;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A first sync larger than maxSliceRecords is read in time slices with the watermark moved after each, so that a
 * failure or a restart resumes from the last slice read: with a key store far smaller than the account, not one record
 * is delivered twice (reading again from the beginning would deliver most of them again).
 */
class ConsumerBackfillTest extends SimulatorTestSupport {

    private static final int ACCOUNT = 12_000;
    private static final int RESTARTED_ACCOUNT = 3_000;
    private static final String BACKFILL = "okki:company/list?pageSize=100&maxSliceRecords=1000&delay=50"
            + "&initialDelay=0";

    @Test
    void aFailedPageLateInTheFirstSyncResumesFromTheLastSlice() throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(ACCOUNT), companies.idField());
        List<Object> delivered = new CopyOnWriteArrayList<>();
        AtomicReference<LocalDateTime> checkpoint = new AtomicReference<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                // keys for 2,000 records: one slice and more, a sixth of the account
                from(BACKFILL + "&idempotentCacheSize=2000&maxRetries=1").routeId("sync").process(e -> {
                    if (delivered.size() == 8_000 && checkpoint.get() == null) {
                        checkpoint.set(pollingConsumer("sync").getWatermark());
                        // the next list request fails, and so does its one retry: the poll ends there
                        sim.faults().paths("/v1/company/list").next(Fault.HTTP_500, 2);
                    }
                    recordOnSuccess(e, delivered);
                });
            }
        });

        await("the whole first sync", 180_000, () -> delivered.size() >= ACCOUNT);
        awaitAWholePoll("sync");

        assertNotNull(checkpoint.get(), "no watermark after 8,000 records: the sync was not checkpointed");
        assertTrue(checkpoint.get().isBefore(sim.now()), checkpoint.get() + " is not in the past");
        assertExactlyOnce(all, delivered);
    }

    /**
     * With the default key store (in memory, empty after the restart) the keys delivered since the last checkpoint
     * come back from the state file; with a key file, from the file.
     */
    @ParameterizedTest(name = "keys in {0}")
    @ValueSource(strings = { "memory", "file" })
    void aRestartInTheMiddleOfTheFirstSyncResumesFromTheLastSlice(String keyStore, @TempDir Path dir)
            throws Exception {
        Records companies = sim.records("company");
        List<Object> all = idsOf(companies.seed(RESTARTED_ACCOUNT), companies.idField());
        File stateFile = dir.resolve("state.dat").toFile();
        File keysFile = "file".equals(keyStore) ? dir.resolve("keys.dat").toFile() : null;
        List<Object> delivered = new CopyOnWriteArrayList<>();

        Hold hold = new Hold();
        CamelContext first = backfillContext(stateFile, keysFile, delivered, hold);
        first.start();
        hold.awaitHeld("2,000 records of the first sync");
        stopWhileHeld(first, hold);
        int requestsBefore = sim.requestCount("/v1/company/list");

        CamelContext second = backfillContext(stateFile, keysFile, delivered, null);
        second.start();
        try {
            await("the rest of the first sync", 180_000, () -> delivered.size() >= RESTARTED_ACCOUNT);
            awaitAWholePoll(pollingConsumer(second));
        } finally {
            second.stop();
        }

        assertExactlyOnce(all, delivered);
        int requestsAfter = sim.requestCount("/v1/company/list") - requestsBefore;
        // the last third of the account (20 pages), the slice cut by the stop (at most 6) and a few sizing requests;
        // a read from the beginning takes at least 60
        assertTrue(requestsAfter < 45, requestsAfter + " list requests after the restart");
    }

    /**
     * A context backfilling 3,000 companies in slices of at most 300, with its watermark in a file and its keys in a
     * file or (no key file) in the default store; with a hold, it holds the record after the 2,000th delivered. The key
     * file holds the whole account, so with it the exactly-once result would hold even for a read from the beginning:
     * the number of requests after the restart shows where the sync resumed.
     */
    private static CamelContext backfillContext(File stateFile, File keysFile, List<Object> delivered, Hold hold)
            throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.addComponent("okki", component());
        ctx.getRegistry().bind("state", FileStateRepository.fileStateRepository(stateFile));
        String keys = "";
        if (keysFile != null) {
            ctx.getRegistry().bind("keys", FileIdempotentRepository.fileIdempotentRepository(keysFile,
                    2 * RESTARTED_ACCOUNT));
            keys = "&idempotentRepository=#keys";
        }
        String uri = "okki:company/list?pageSize=50&maxSliceRecords=300&delay=50&initialDelay=0"
                + "&stateRepository=#state" + keys;
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).process(e -> {
                            if (hold != null && delivered.size() >= 2_000) {
                                hold.holdOnce();
                            }
                            recordOnSuccess(e, delivered);
                        });
            }
        });
        return ctx;
    }
}
