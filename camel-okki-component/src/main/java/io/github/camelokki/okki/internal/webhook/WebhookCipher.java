package io.github.camelokki.okki.internal.webhook;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the {@code data} of a push: base64 of (12-byte IV, 16-byte GCM tag, ciphertext), AES-256-GCM, with the key
 * base64-decode({@code security_config}). Java's cipher wants the tag after the ciphertext, so the parts are reordered.
 */
public final class WebhookCipher {

    static final int IV_LENGTH = 12;
    static final int TAG_LENGTH = 16;

    private WebhookCipher() {
    }

    /**
     * The plaintext bytes.
     *
     * @throws WebhookRejectedException (400) when the data is not base64, too short, or does not decrypt with the key
     */
    public static byte[] decrypt(String securityConfig, String data) {
        byte[] key = key(securityConfig);
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(data.strip());
        } catch (IllegalArgumentException e) {
            throw undecryptable("data is not base64");
        }
        if (raw.length < IV_LENGTH + TAG_LENGTH) {
            throw undecryptable("data is shorter than IV and tag (" + raw.length + " bytes)");
        }
        int cipherLength = raw.length - IV_LENGTH - TAG_LENGTH;
        byte[] cipherAndTag = new byte[cipherLength + TAG_LENGTH];
        System.arraycopy(raw, IV_LENGTH + TAG_LENGTH, cipherAndTag, 0, cipherLength);
        System.arraycopy(raw, IV_LENGTH, cipherAndTag, cipherLength, TAG_LENGTH);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                    new GCMParameterSpec(TAG_LENGTH * 8, raw, 0, IV_LENGTH));
            return cipher.doFinal(cipherAndTag);
        } catch (GeneralSecurityException e) {
            throw undecryptable("AES-GCM authentication failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The AES key: base64-decode(security_config), which must give 32 bytes. */
    static byte[] key(String securityConfig) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(securityConfig.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("securityConfig is not base64: give the security_config string exactly as"
                    + " OKKI returned it from webhook/create");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("securityConfig must decode to a 32-byte AES-256 key, not " + key.length
                    + " bytes: give the security_config string exactly as OKKI returned it from webhook/create");
        }
        return key;
    }

    private static WebhookRejectedException undecryptable(String detail) {
        return new WebhookRejectedException(400, "undecryptable data", detail);
    }
}
