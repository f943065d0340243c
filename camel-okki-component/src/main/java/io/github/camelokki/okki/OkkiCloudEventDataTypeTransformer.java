package io.github.camelokki.okki;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.json.OkkiJson;
import io.github.camelokki.okki.internal.sync.ServerTime;
import io.github.camelokki.okki.internal.webhook.WebhookPush;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.StreamCache;
import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.cloudevents.CloudEvents;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * Makes a CloudEvent (v1.0) of each message of the okki consumers, the way Camel's component data types do: it sets
 * Camel's {@code CamelCloudEvent*} headers, which Camel's bindings ({@code http:application-cloudevents},
 * {@code application-cloudevents+json}, Knative) turn into the event, and writes the body as JSON.
 * <ul>
 * <li>A record of {@code okki:<resource>/list}: id = the consumer's key of the record version (the same on every
 * delivery of that version), type {@code io.github.camelokki.okki.<resource>.changed} or {@code .deleted}, subject =
 * the record id, time = its update_time (not for a deletion: OKKI does not say when a record was deleted).</li>
 * <li>An event of {@code okki:events}: id = {@code <message_id>#<index>}, type
 * {@code io.github.camelokki.okki.<module>.<action>} (OKKI's type without {@code xiaoman.}), subject = the record id
 * when the event carries it, time = when OKKI sent the push (X-Timestamp).</li>
 * </ul>
 * The source names what the consumer read and the OKKI account, from headers the consumer set:
 * {@code okki:<resource>/list?clientId=<client id>} or {@code okki:events?clientId=<client id>} (without the query when
 * the endpoint has no client id). It is the same however the exchange got here (a route, a Kamelet, a Pipe), and never
 * a secret: a client id is not one.
 * <p>
 * OKKI's record times carry no zone; they are read in {@link #OKKI_ZONE} unless the transformer is registered with
 * another zone under {@link #NAME}.
 */
@DataTypeTransformer(name = OkkiCloudEventDataTypeTransformer.NAME,
                     description = "Adds CloudEvent headers to the records of okki:<resource>/list and the events of"
                             + " okki:events (id, type, source, subject, time) and writes the body as JSON")
public class OkkiCloudEventDataTypeTransformer extends Transformer {

    /** The data type name, e.g. {@code transformDataType("okki:application-cloudevents")} in a route. */
    public static final String NAME = "okki:application-cloudevents";
    /** The start of every event type this transformer sets. */
    public static final String TYPE_PREFIX = "io.github.camelokki.okki.";
    /** The zone OKKI's record times are read in by default: China Standard Time, where OKKI runs its service. */
    public static final ZoneId OKKI_ZONE = ZoneId.of("Asia/Shanghai");
    private static final String APPLICATION_JSON = "application/json";

    private final ZoneId zone;

    public OkkiCloudEventDataTypeTransformer() {
        this(OKKI_ZONE);
    }

    /** @param zone the time zone of the OKKI account's times (update_time) */
    public OkkiCloudEventDataTypeTransformer(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public void transform(Message message, DataType fromType, DataType toType) {
        Map<String, Object> headers = message.getHeaders();
        String messageId = message.getHeader(OkkiConstants.MESSAGE_ID, String.class);
        Instant time;
        if (messageId != null) {
            time = event(message, messageId, headers);
        } else if (message.getHeader(OkkiConstants.RECORD_KEY) != null) {
            time = record(message, headers);
        } else {
            throw notOneRecordOrEvent(message);
        }
        putOrRemove(headers, CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT,
                message.getHeader(OkkiConstants.RECORD_ID, String.class));
        putOrRemove(headers, CloudEvent.CAMEL_CLOUD_EVENT_TIME,
                time == null ? null : DateTimeFormatter.ISO_INSTANT.format(time));
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_VERSION, CloudEvents.v1_0.version());
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_DATA_CONTENT_TYPE, APPLICATION_JSON);
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_CONTENT_TYPE, APPLICATION_JSON);
        writeJson(message, String.valueOf(headers.get(CloudEvent.CAMEL_CLOUD_EVENT_ID)));
    }

    /** A record of the polling consumer; returns the time of the change, null when unknown. */
    private Instant record(Message message, Map<String, Object> headers) {
        boolean deleted = message.getHeader(OkkiConstants.DELETED, false, Boolean.class);
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_ID, message.getHeader(OkkiConstants.RECORD_KEY, String.class));
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_TYPE, TYPE_PREFIX + message.getHeader(OkkiConstants.RESOURCE)
                + (deleted ? ".deleted" : ".changed"));
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, source("okki:" + message.getHeader(OkkiConstants.OPERATION),
                message));
        LocalDateTime updated = ServerTime.parse(message.getHeader(OkkiConstants.UPDATE_TIME));
        return deleted || updated == null ? null : updated.atZone(zone).toInstant();
    }

    /**
     * The source: what the consumer read, and the OKKI account (client id, not a secret) when the consumer's endpoint
     * has one, so that events of two accounts do not share ids under one source.
     */
    private static String source(String what, Message message) {
        String clientId = message.getHeader(OkkiConstants.CLIENT_ID, String.class);
        return clientId == null || clientId.isBlank() ? what : what + "?clientId=" + clientId;
    }

    /** An event of okki:events; returns when OKKI sent its push. */
    private static Instant event(Message message, String messageId, Map<String, Object> headers) {
        String action = message.getHeader(OkkiConstants.EVENT_ACTION, "", String.class);
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_ID,
                WebhookPush.key(messageId, message.getHeader(OkkiConstants.EVENT_INDEX, 0, Integer.class)));
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_TYPE, TYPE_PREFIX + message.getHeader(OkkiConstants.EVENT_MODULE)
                + (action.isEmpty() ? "" : "." + action));
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, source("okki:" + OkkiEndpoint.EVENTS, message));
        Long sent = message.getHeader(OkkiConstants.EVENT_TIMESTAMP, Long.class);
        return sent == null ? null : Instant.ofEpochSecond(sent);
    }

    /**
     * Writes the consumer's body (a Map, a List, an outputClass object, or the text of OKKI's test callback) as JSON
     * text. Bytes and streams are already serialised, as marshal().json() leaves them, and pass as they are.
     */
    private static void writeJson(Message message, String eventId) {
        Object body = message.getBody();
        if (body == null || body instanceof byte[] || body instanceof InputStream || body instanceof StreamCache) {
            return;
        }
        try {
            message.setBody(OkkiJson.mapper().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(NAME + " cannot write the body of " + eventId + " (a "
                    + body.getClass().getName() + ") as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static void putOrRemove(Map<String, Object> headers, String name, Object value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
    }

    private static IllegalArgumentException notOneRecordOrEvent(Message message) {
        Object operation = message.getHeader(OkkiConstants.OPERATION);
        if (operation != null && message.getHeader(OkkiConstants.RESOURCE) != null) {
            return new IllegalArgumentException(NAME + " makes one CloudEvent of one record, but this message of okki:"
                    + operation + " holds a page of records (splitResult=false): let the consumer deliver one record"
                    + " per exchange (splitResult=true, the default).");
        }
        Exchange exchange = message.getExchange();
        return new IllegalArgumentException(NAME + " describes the messages of the okki consumers (okki:<resource>/list"
                + " and okki:events), but exchange " + exchange.getExchangeId() + " has neither the "
                + OkkiConstants.RECORD_KEY + " nor the " + OkkiConstants.MESSAGE_ID + " header they set.");
    }
}
