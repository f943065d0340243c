package io.github.camelokki.okki.internal.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.camelokki.okki.internal.json.OkkiJson;

/**
 * The JSON the receiver answers with. OKKI counts a push as delivered when the answer is
 * {@code {"code":200,"data":{"message_id":"…"}}}; the test callback's answer also carries the decrypted
 * {@code biz_data} as {@code data.data}. Errors carry a short reason and never a stack trace.
 */
public final class WebhookAnswers {

    private WebhookAnswers() {
    }

    /** The acknowledgement of a push. */
    public static String ack(String messageId) {
        return ack(messageId, false, null);
    }

    /**
     * The acknowledgement, with {@code data.data} when the push was OKKI's test callback.
     */
    public static String ack(String messageId, boolean test, Object testData) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("message_id", messageId);
        if (test) {
            data.put("data", testData);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", 200);
        answer.put("data", data);
        return json(answer);
    }

    /**
     * An error answer: {@code {"code":<status>,"message":"<reason>"}}. It deliberately carries no message_id, so a
     * sender that looks only at the body cannot mistake it for an acknowledgement.
     */
    public static String error(int status, String reason) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("code", status);
        answer.put("message", reason);
        return json(answer);
    }

    private static String json(Object value) {
        try {
            return OkkiJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write a webhook answer", e);
        }
    }
}
