package io.github.camelokki.okki;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.camelokki.okki.state.JdbcStateRepository;
import io.github.camelokki.simulator.Records;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watermark and the delivered keys in a database (H2 here): a restarted context resumes where the first stopped.
 */
class ConsumerJdbcStateTest extends SimulatorTestSupport {

    @Test
    void syncResumesFromTheDatabaseAfterARestart() throws Exception {
        JdbcDataSource db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:okki-state;DB_CLOSE_DELAY=-1");
        Records orders = sim.records("order");
        List<Object> all = idsOf(orders.seed(600), orders.idField());
        List<Object> delivered = new CopyOnWriteArrayList<>();

        // the first run is stopped while it holds the record after the 200th, in the middle of a page
        Hold hold = new Hold();
        CamelContext first = context(db, delivered, hold);
        first.start();
        hold.awaitHeld("part of the sync");
        stopWhileHeld(first, hold);
        assertTrue(delivered.size() < 600, "the first run should stop in the middle");

        CamelContext second = context(db, delivered, null);
        second.start();
        try {
            await("the rest", 120_000, () -> delivered.size() >= 600 && watermark(db) != null);
            awaitAWholePoll(pollingConsumer(second));
        } finally {
            second.stop();
        }
        assertExactlyOnce(all, delivered);
        assertEquals(io.github.camelokki.okki.internal.sync.ServerTime.format(sim.now()).substring(0, 10), watermark(db).substring(0, 10));
    }

    private static String watermark(JdbcDataSource db) {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT STATE_VALUE FROM OKKI_STATE WHERE STATE_KEY = 'okki:order/list'")) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A context syncing orders into the list; with a hold, it holds the record after the 200th delivered. */
    private static CamelContext context(JdbcDataSource db, List<Object> delivered, Hold hold) throws Exception {
        CamelContext ctx = new DefaultCamelContext();
        ctx.addComponent("okki", component());
        ctx.getRegistry().bind("state", new JdbcStateRepository(db));
        JdbcMessageIdRepository keys = new JdbcMessageIdRepository(db, "okki-orders");
        ctx.getRegistry().bind("keys", keys);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:order/list?pageSize=50&delay=50&initialDelay=0&stateRepository=#state"
                        + "&idempotentRepository=#keys")
                        .process(e -> {
                            if (hold != null && delivered.size() >= 200) {
                                hold.holdOnce();
                            }
                            recordOnSuccess(e, delivered);
                        });
            }
        });
        return ctx;
    }
}
