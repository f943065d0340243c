package io.github.camelokki.okki.internal.webhook;

import java.util.List;

/**
 * A push that passed every check: signed by a known secret within the time tolerance, decrypted and parsed.
 *
 * @param messageId OKKI's {@code message_id}, the key of deduplication and of the answer
 * @param timestamp the {@code X-Timestamp} (unix seconds)
 * @param events    the {@code biz} entries, in order
 */
public record WebhookPush(String messageId, long timestamp, List<WebhookEvent> events) {

    public WebhookPush {
        events = List.copyOf(events);
    }

    /** The key under which an entry is remembered as processed: {@code <message_id>#<index>}. */
    public String key(WebhookEvent event) {
        return key(messageId, event.index());
    }

    /** The key of the entry at {@code index} of the push {@code messageId}. */
    public static String key(String messageId, int index) {
        return messageId + "#" + index;
    }
}
