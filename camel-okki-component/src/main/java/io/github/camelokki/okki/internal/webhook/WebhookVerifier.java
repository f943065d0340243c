package io.github.camelokki.okki.internal.webhook;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.camelokki.okki.internal.json.OkkiJson;

/**
 * Checks a push and opens it, in this order: body size, signature and timestamp (401), outer JSON and decryption
 * (400). Nothing here emits or answers; the consumer does that with the result or the {@link WebhookRejectedException}.
 */
public final class WebhookVerifier {

    private final WebhookSecrets secrets;
    private final Duration tolerance;
    private final long maxBodySize;
    private final Clock clock;

    /**
     * @param tolerance   how far X-Timestamp may be from the receiver's clock; zero or negative turns the check off
     * @param maxBodySize the largest body accepted, in bytes
     */
    public WebhookVerifier(WebhookSecrets secrets, Duration tolerance, long maxBodySize, Clock clock) {
        this.secrets = secrets;
        this.tolerance = tolerance;
        this.maxBodySize = maxBodySize;
        this.clock = clock;
    }

    /** Refuses a body announced larger than the limit, before it is read. */
    public void checkDeclaredSize(Long contentLength) {
        if (contentLength != null && contentLength > maxBodySize) {
            throw tooLarge(contentLength);
        }
    }

    /**
     * Verifies and opens the push.
     *
     * @param rawBody   the request body exactly as received
     * @param timestamp the X-Timestamp header
     * @param signature the X-Signature header
     */
    public WebhookPush verify(byte[] rawBody, String timestamp, String signature) {
        if (rawBody.length > maxBodySize) {
            throw tooLarge(rawBody.length);
        }
        if (signature == null || signature.isBlank() || timestamp == null || timestamp.isBlank()) {
            throw new WebhookRejectedException(401, "missing signature",
                    "no " + (signature == null || signature.isBlank() ? "X-Signature" : "X-Timestamp") + " header");
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw new WebhookRejectedException(401, "invalid timestamp", "X-Timestamp is not unix seconds");
        }
        List<String> accepted = secrets.accepted();
        if (accepted.isEmpty()) {
            throw new WebhookRejectedException(503, "receiver not ready", "no securityConfig known yet");
        }
        String secret = null;
        for (String candidate : accepted) {
            // try every secret, so the time taken does not tell which one matched
            if (WebhookSignature.matches(candidate, timestamp, rawBody, signature) && secret == null) {
                secret = candidate;
            }
        }
        if (secret == null) {
            throw new WebhookRejectedException(401, "invalid signature", "X-Signature does not match the body");
        }
        if (!tolerance.isZero() && !tolerance.isNegative()) {
            long skew = Math.abs(clock.instant().getEpochSecond() - ts);
            if (skew > tolerance.toSeconds()) {
                throw new WebhookRejectedException(401, "stale timestamp",
                        "X-Timestamp is " + skew + " s away from this clock (tolerance " + tolerance.toSeconds() + " s)");
            }
        }
        JsonNode outer = readJson(rawBody, "the body");
        String messageId = text(outer.get("message_id"));
        String data = text(outer.get("data"));
        if (messageId == null || messageId.isBlank() || data == null) {
            throw new WebhookRejectedException(400, "malformed message", "the body lacks message_id or data");
        }
        byte[] plain = WebhookCipher.decrypt(secret, data);
        JsonNode biz = readJson(plain, "the decrypted data").get("biz");
        if (biz == null || !biz.isArray()) {
            throw new WebhookRejectedException(400, "malformed message", "the decrypted data has no biz list");
        }
        List<WebhookEvent> events = new ArrayList<>();
        for (JsonNode entry : biz) {
            Object bizData = OkkiJson.mapper().convertValue(entry.get("biz_data"), Object.class);
            events.add(WebhookEvent.of(text(entry.get("biz_type")), bizData, events.size()));
        }
        return new WebhookPush(messageId, ts, events);
    }

    private static JsonNode readJson(byte[] bytes, String what) {
        try {
            JsonNode node = OkkiJson.mapper().readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new WebhookRejectedException(400, "malformed message", what + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new WebhookRejectedException(400, "malformed message", what + " is not JSON");
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.isValueNode() ? node.asText() : node.toString();
    }

    private WebhookRejectedException tooLarge(long size) {
        return new WebhookRejectedException(413, "body too large",
                "body of " + size + " bytes exceeds maxBodySize " + maxBodySize);
    }
}
