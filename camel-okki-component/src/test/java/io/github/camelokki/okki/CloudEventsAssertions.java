package io.github.camelokki.okki;

import java.util.Map;
import java.util.TreeMap;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.spi.DataType;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Checks on what okki:application-cloudevents leaves on an exchange. */
final class CloudEventsAssertions {

    static final String DATA_TYPE = "okki:application-cloudevents";

    private CloudEventsAssertions() {
    }

    /**
     * What {@code transformDataType("okki:application-cloudevents")} does in a route: the transformer the context
     * resolves by that name, applied to the message. The tests run on Camel 4.14 too, whose DSL spells the step
     * {@code transform(DataType)} (4.17 renamed it), so they call the transformer through the context, which every
     * line resolves alike; okki-kamelets' tests use the DSL step itself.
     */
    static Processor toCloudEvent() {
        return exchange -> exchange.getContext().resolveTransformer(DATA_TYPE)
                .transform(exchange.getMessage(), null, new DataType(DATA_TYPE));
    }

    /**
     * Asserts the exact CloudEvent headers: the given attributes (a null subject or time must be absent), spec version
     * 1.0, JSON data and content type, and no other CamelCloudEvent header.
     */
    static void assertCloudEvent(Exchange exchange, String id, String type, String source, String subject,
            String time) {
        Map<String, Object> expected = new TreeMap<>();
        expected.put(CloudEvent.CAMEL_CLOUD_EVENT_ID, id);
        expected.put(CloudEvent.CAMEL_CLOUD_EVENT_TYPE, type);
        expected.put(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, source);
        if (subject != null) {
            expected.put(CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT, subject);
        }
        if (time != null) {
            expected.put(CloudEvent.CAMEL_CLOUD_EVENT_TIME, time);
        }
        expected.put(CloudEvent.CAMEL_CLOUD_EVENT_VERSION, "1.0");
        expected.put(CloudEvent.CAMEL_CLOUD_EVENT_DATA_CONTENT_TYPE, "application/json");
        expected.put(CloudEvent.CAMEL_CLOUD_EVENT_CONTENT_TYPE, "application/json");
        Map<String, Object> actual = new TreeMap<>();
        exchange.getMessage().getHeaders().forEach((name, value) -> {
            if (name.startsWith("CamelCloudEvent") || name.equals(CloudEvent.CAMEL_CLOUD_EVENT_CONTENT_TYPE)) {
                actual.put(name, value);
            }
        });
        assertEquals(expected, actual);
    }

    /** Asserts that no header and not the body show the secret. */
    static void assertNoSecretIn(Exchange exchange, String secret) {
        exchange.getMessage().getHeaders().forEach((name, value) -> assertFalse(String.valueOf(value).contains(secret),
                "header " + name + " shows the secret: " + value));
        assertFalse(exchange.getMessage().getBody(String.class).contains(secret), "the body shows the secret");
    }
}
