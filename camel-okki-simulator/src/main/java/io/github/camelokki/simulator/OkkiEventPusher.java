package io.github.camelokki.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Pushes events to a webhook receiver exactly as OKKI does, for tests and demos: the plaintext
 * {@code {"biz":[{"biz_type":…,"biz_data":…}]}} is encrypted with AES-256-GCM under base64-decode(security_config) and
 * sent as base64(IV ‖ tag ‖ ciphertext) in {@code {"message_id":…,"data":…}}; {@code X-Signature} is the lowercase hex
 * HMAC-SHA256, keyed with the UTF-8 bytes of security_config, of {@code X-Timestamp} followed by the raw body.
 * <p>
 * Written independently of the component's receiver (JDK only), so a round trip through both checks each against
 * OKKI's published format rather than against itself.
 */
public final class OkkiEventPusher {

    /** The type of OKKI's test callback. */
    public static final String TEST_EVENT = "xiaoman.open.callback.test";

    /** The receiver's answer. */
    public record Answer(int status, String body) {
    }

    /** One biz entry: the event type and its biz_data as a JSON text. */
    public record Event(String type, String bizDataJson) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String securityConfig;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param securityConfig the secret OKKI hands out on webhook/create: base64 of 32 random bytes */
    public OkkiEventPusher(String securityConfig) {
        this.securityConfig = securityConfig;
    }

    /** The secret this pusher encrypts and signs with. */
    public String securityConfig() {
        return securityConfig;
    }

    /** A fresh security_config, as OKKI generates one. */
    public static String newSecurityConfig() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /** An event whose biz_data is a flat object of the given fields (numbers stay numbers). */
    public static Event event(String type, Map<String, ?> bizData) {
        return new Event(type, json(bizData));
    }

    /** The plaintext of a push: {@code {"biz":[…]}}. */
    public static String plaintext(List<Event> events) {
        StringBuilder sb = new StringBuilder("{\"biz\":[");
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            sb.append(i == 0 ? "" : ",").append("{\"biz_type\":").append(quote(e.type())).append(",\"biz_data\":")
                    .append(e.bizDataJson()).append('}');
        }
        return sb.append("]}").toString();
    }

    /** base64(IV ‖ tag ‖ ciphertext) of the plaintext, with a random IV. */
    public String encrypt(String plaintext) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Base64.getDecoder().decode(securityConfig), "AES"),
                    new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)); // ciphertext ‖ tag
            int cipherLength = sealed.length - 16;
            byte[] out = new byte[12 + 16 + cipherLength];
            System.arraycopy(iv, 0, out, 0, 12);
            System.arraycopy(sealed, cipherLength, out, 12, 16);
            System.arraycopy(sealed, 0, out, 28, cipherLength);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is not available", e);
        }
    }

    /** The request body {@code {"message_id":…,"data":…}}. */
    public static String body(String messageId, String data) {
        return "{\"message_id\":" + quote(messageId) + ",\"data\":" + quote(data) + "}";
    }

    /** The X-Signature OKKI sends for this timestamp and body. */
    public String sign(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(securityConfig.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Pushes the events now, as one message. */
    public Answer push(URI url, String messageId, List<Event> events) {
        return push(url, messageId, plaintext(events), Instant.now().getEpochSecond());
    }

    /** Pushes the plaintext as a message signed with the given timestamp (unix seconds). */
    public Answer push(URI url, String messageId, String plaintext, long timestamp) {
        byte[] body = body(messageId, encrypt(plaintext)).getBytes(StandardCharsets.UTF_8);
        String ts = Long.toString(timestamp);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Timestamp", ts);
        headers.put("X-Signature", sign(ts, body));
        return post(url, body, headers);
    }

    /** Posts a body with exactly the given headers, for forged or tampered requests. */
    public Answer post(URI url, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot post to " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while posting to " + url, e);
        }
    }

    private static String json(Map<String, ?> fields) {
        StringBuilder sb = new StringBuilder("{");
        fields.forEach((name, value) -> {
            sb.append(sb.length() == 1 ? "" : ",").append(quote(name)).append(':');
            sb.append(value instanceof Number || value instanceof Boolean ? String.valueOf(value)
                    : value == null ? "null" : quote(String.valueOf(value)));
        });
        return sb.append('}').toString();
    }

    private static String quote(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> sb.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return sb.append('"').toString();
    }
}
