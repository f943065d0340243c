package io.github.camelokki.okki.internal.json;

import java.io.IOException;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiInvalidResponseException;
import io.github.camelokki.okki.internal.transport.HttpResponseData;

/**
 * OKKI's answer envelope {@code {"code":200,"message":"success","now":"...","data":...}}, with {@code data} read as
 * plain maps and lists.
 *
 * @param code    the business code; null when the answer had none (e.g. a bare HTTP error body)
 * @param message the message ({@code message}, or {@code msg} as some operations write it)
 * @param now     OKKI's clock, {@code yyyy-MM-dd HH:mm:ss}, or null
 * @param data    the payload: Map, List, String, number or null
 */
public record Envelope(Integer code, String message, String now, Object data) {

    /** OKKI writes success as 200; some operations' answers use 0. */
    public boolean isSuccess() {
        return code != null && (code == 200 || code == 0);
    }

    /**
     * Whether the code reports a failure on OKKI's side rather than in the request: 5xx codes, negative ones
     * ({@code -1}) and 429. OKKI sends these with HTTP 200, so only the envelope tells them from a business error
     * (400, 403, 404, ...), which sending again cannot cure.
     */
    public boolean isServerError() {
        return code != null && (code >= 500 || code < 0 || code == 429);
    }

    /** Whether the answer says the token is no longer accepted. */
    public boolean isUnauthenticated() {
        return code != null && code == 401;
    }

    /**
     * Decodes a response body.
     *
     * @param what names the call for the error message
     * @throws OkkiInvalidResponseException when the body is not a JSON object
     */
    public static Envelope decode(HttpResponseData response, String what) {
        Map<?, ?> map = readObject(response, what);
        return new Envelope(code(map.get("code")), text(map.containsKey("message") ? map.get("message") : map.get("msg")),
                text(map.get("now")), map.get("data"));
    }

    /** Reads a body that must be a JSON object. */
    public static Map<?, ?> readObject(HttpResponseData response, String what) {
        try {
            Object value = OkkiJson.mapper().readValue(response.body(), Object.class);
            if (value instanceof Map<?, ?> map) {
                return map;
            }
            throw invalid(response, what, "is JSON, but not the object OKKI answers with", null);
        } catch (IOException e) {
            throw invalid(response, what, "is not valid JSON", e);
        }
    }

    private static OkkiInvalidResponseException invalid(HttpResponseData response, String what, String problem,
            Exception cause) {
        return new OkkiInvalidResponseException("The answer to " + what, problem, response.status(),
                response.contentType(), response.bodyStart(OkkiInvalidResponseException.QUOTE_LENGTH), cause);
    }

    private static Integer code(Object value) {
        if (value instanceof Number n) {
            return n.intValue();
        }
        if (value instanceof String s) {
            try {
                return Integer.valueOf(s.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
