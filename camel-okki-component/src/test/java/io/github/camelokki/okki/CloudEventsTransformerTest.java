package io.github.camelokki.okki;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.OkkiCloudEventDataTypeTransformer;
import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.TransformerKey;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

import static io.github.camelokki.okki.CloudEventsAssertions.assertCloudEvent;
import static io.github.camelokki.okki.CloudEventsAssertions.toCloudEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * okki:application-cloudevents by itself: found by its name, registered with another time zone, bodies already
 * serialised, and what it says about messages it cannot describe.
 */
class CloudEventsTransformerTest extends CamelTestSupport {

    private static final String NAME = "okki:application-cloudevents";

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        // an account whose times are in UTC: the transformer registered under its name with that zone wins
        context.getTransformerRegistry().put(new TransformerKey(NAME),
                new OkkiCloudEventDataTypeTransformer(ZoneOffset.UTC));
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:transform").process(toCloudEvent()).to("mock:out");
            }
        };
    }

    @Test
    void aPlainContextFindsTheTransformerByItsName() throws Exception {
        try (DefaultCamelContext plain = new DefaultCamelContext()) {
            plain.start();
            assertInstanceOf(OkkiCloudEventDataTypeTransformer.class, plain.resolveTransformer(NAME));
            assertInstanceOf(OkkiCloudEventDataTypeTransformer.class,
                    plain.getTransformerRegistry().resolveTransformer(new TransformerKey(new DataType(NAME))));
        }
    }

    /** The headers the polling consumer sets on a record of company/list. */
    private static Map<String, Object> record(boolean deleted) {
        return Map.of(OkkiConstants.OPERATION, "company/list", OkkiConstants.RESOURCE, "company",
                OkkiConstants.RECORD_ID, 3100000007L,
                OkkiConstants.RECORD_KEY, "company:" + (deleted ? "deleted:" : "") + "3100000007@2026-11-25 10:00:00",
                OkkiConstants.UPDATE_TIME, "2026-11-25 10:00:00", OkkiConstants.DELETED, deleted);
    }

    @Test
    void aTransformerRegisteredWithAnotherZoneReadsTheTimesInIt() {
        Exchange out = template.send("direct:transform", e -> {
            e.getMessage().setHeaders(new HashMap<>(record(false)));
            e.getMessage().setBody(Map.of("company_id", 3100000007L));
        });

        // not from an okki endpoint: the source names the operation only
        assertCloudEvent(out, "company:3100000007@2026-11-25 10:00:00", "io.github.camelokki.okki.company.changed",
                "okki:company/list", "3100000007", "2026-11-25T10:00:00Z");
        assertEquals("{\"company_id\":3100000007}", out.getMessage().getBody());
    }

    @Test
    void bytesAndStreamsAreTakenAsTheJsonTheyAre() {
        byte[] json = "{\"company_id\":3100000007}".getBytes(StandardCharsets.UTF_8);
        Exchange out = template.send("direct:transform", e -> {
            e.getMessage().setHeaders(new HashMap<>(record(true)));
            e.getMessage().setBody(json);
        });

        assertCloudEvent(out, "company:deleted:3100000007@2026-11-25 10:00:00",
                "io.github.camelokki.okki.company.deleted",
                "okki:company/list", "3100000007", null);
        assertSame(json, out.getMessage().getBody());
    }

    @Test
    void aPageOfRecordsIsRefusedNamingTheOption() {
        Exchange out = template.send("direct:transform", e -> {
            e.getMessage().setHeader(OkkiConstants.OPERATION, "company/list");
            e.getMessage().setHeader(OkkiConstants.RESOURCE, "company");
            e.getMessage().setBody(List.of(Map.of("company_id", 1), Map.of("company_id", 2)));
        });

        assertEquals("okki:application-cloudevents makes one CloudEvent of one record, but this message of"
                + " okki:company/list holds a page of records (splitResult=false): let the consumer deliver one record"
                + " per exchange (splitResult=true, the default).", rootMessage(out));
    }

    @Test
    void aMessageFromElsewhereIsRefused() {
        Exchange out = template.send("direct:transform", e -> e.getMessage().setBody("{}"));

        assertEquals("okki:application-cloudevents describes the messages of the okki consumers"
                + " (okki:<resource>/list and okki:events), but exchange " + out.getExchangeId()
                + " has neither the CamelOkkiRecordKey nor the CamelOkkiMessageId header they set.", rootMessage(out));
    }

    private static String rootMessage(Exchange exchange) {
        Throwable t = exchange.getException();
        assertInstanceOf(IllegalArgumentException.class, t == null ? null : rootCause(t));
        return rootCause(t).getMessage();
    }

    private static Throwable rootCause(Throwable t) {
        return t.getCause() == null ? t : rootCause(t.getCause());
    }
}
