package io.github.camelokki.okki.internal.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OKKI's push signature: lowercase hex HMAC-SHA256, keyed with the UTF-8 bytes of {@code security_config} as given (not
 * base64-decoded), over the {@code X-Timestamp} value followed by the exact raw request body.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The signature OKKI would send for this timestamp and body. */
    public static String sign(String securityConfig, String timestamp, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(securityConfig.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
            mac.update(rawBody);
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** Whether the signature matches, compared in constant time (hex case is ignored). */
    public static boolean matches(String securityConfig, String timestamp, byte[] rawBody, String signature) {
        if (signature == null || timestamp == null) {
            return false;
        }
        byte[] expected = sign(securityConfig, timestamp, rawBody).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
