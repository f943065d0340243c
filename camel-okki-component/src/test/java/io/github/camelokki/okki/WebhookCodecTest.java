package io.github.camelokki.okki;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.internal.webhook.EventTypeFilter;
import io.github.camelokki.okki.internal.webhook.WebhookCipher;
import io.github.camelokki.okki.internal.webhook.WebhookEvent;
import io.github.camelokki.okki.internal.webhook.WebhookPush;
import io.github.camelokki.okki.internal.webhook.WebhookRejectedException;
import io.github.camelokki.okki.internal.webhook.WebhookSecrets;
import io.github.camelokki.okki.internal.webhook.WebhookSignature;
import io.github.camelokki.okki.internal.webhook.WebhookVerifier;
import io.github.camelokki.simulator.OkkiEventPusher;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The webhook codecs against values computed outside the project, and against the simulator's pusher.
 */
class WebhookCodecTest {

    /** base64 of the bytes 0..31. */
    private static final String KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    private static final byte[] BODY = "{\"message_id\":\"msg_1\",\"data\":\"abc\"}".getBytes(StandardCharsets.UTF_8);
    /** Python: hmac.new(KEY.encode(), b'1764064800' + BODY, hashlib.sha256).hexdigest() */
    private static final String EXPECTED = "577b5ab45645dbc0d315639a816c76977ad32837d9f96ab65dd1a24012678ce4";

    @Test
    void signatureIsHmacOfTimestampAndRawBodyKeyedWithTheSecretText() {
        assertEquals(EXPECTED, WebhookSignature.sign(KEY, "1764064800", BODY));
        assertEquals(EXPECTED, new OkkiEventPusher(KEY).sign("1764064800", BODY));
        assertTrue(WebhookSignature.matches(KEY, "1764064800", BODY, EXPECTED.toUpperCase()));
        assertFalse(WebhookSignature.matches(KEY, "1764064801", BODY, EXPECTED));
        assertFalse(WebhookSignature.matches(KEY, "1764064800", BODY, EXPECTED.substring(1)));
        assertFalse(WebhookSignature.matches(KEY, "1764064800", BODY, null));
    }

    @Test
    void decryptsWhatThePusherEncrypted() {
        String plaintext = "{\"biz\":[{\"biz_type\":\"xiaoman.crm.company.create\",\"biz_data\":{\"company_id\":1}}]}";
        String data = new OkkiEventPusher(KEY).encrypt(plaintext);

        assertEquals(plaintext, new String(WebhookCipher.decrypt(KEY, data), StandardCharsets.UTF_8));
        WebhookRejectedException wrongKey = assertThrows(WebhookRejectedException.class,
                () -> WebhookCipher.decrypt(OkkiEventPusher.newSecurityConfig(), data));
        assertEquals(400, wrongKey.status());
        WebhookRejectedException tooShort = assertThrows(WebhookRejectedException.class,
                () -> WebhookCipher.decrypt(KEY, "AAAA"));
        assertEquals("data is shorter than IV and tag (3 bytes)", tooShort.getMessage());
    }

    @Test
    void verifierOpensAPushIntoEvents() {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1764064800), ZoneOffset.UTC);
        WebhookVerifier verifier = new WebhookVerifier(new WebhookSecrets(KEY, null, Duration.ofMinutes(10), clock),
                Duration.ofMinutes(5), 1024 * 1024, clock);
        OkkiEventPusher pusher = new OkkiEventPusher(KEY);
        byte[] body = OkkiEventPusher.body("msg_9", pusher.encrypt(OkkiEventPusher.plaintext(List.of(
                OkkiEventPusher.event("xiaoman.crm.cash_collection_invoice.delete",
                        Map.of("cash_collection_invoice_id", 5)))))).getBytes(StandardCharsets.UTF_8);

        WebhookPush push = verifier.verify(body, "1764064700", pusher.sign("1764064700", body));

        assertEquals(new WebhookPush("msg_9", 1764064700L, List.of(new WebhookEvent(
                "xiaoman.crm.cash_collection_invoice.delete", "crm.cash_collection_invoice", "delete",
                Map.of("cash_collection_invoice_id", 5), 0))), push);
        assertEquals("msg_9#0", push.key(push.events().get(0)));
    }

    @Test
    void eventTypePatterns() {
        EventTypeFilter byDefault = EventTypeFilter.of(null);
        assertTrue(byDefault.accepts("xiaoman.crm.order.delete"));
        assertFalse(byDefault.accepts(WebhookEvent.TEST_TYPE));
        EventTypeFilter some = EventTypeFilter.of(" xiaoman.crm.company.* , *.delete");
        assertTrue(some.accepts("xiaoman.crm.company.update"));
        assertTrue(some.accepts("xiaoman.crm.order.delete"));
        assertFalse(some.accepts("xiaoman.crm.order.update"));
        assertFalse(some.accepts("xiaoman.crm.companyX"));
        assertTrue(EventTypeFilter.of("*").accepts(WebhookEvent.TEST_TYPE));
    }

    @Test
    void secretMustBeA32ByteBase64Key() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WebhookSecrets("c2hvcnQ=", null, Duration.ZERO, Clock.systemUTC()));
        assertEquals("securityConfig must decode to a 32-byte AES-256 key, not 5 bytes: give the security_config"
                + " string exactly as OKKI returned it from webhook/create", e.getMessage());
    }
}
