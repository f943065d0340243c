package io.github.camelokki.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the simulated API before faults are applied: HTTP status plus a JSON body.
 *
 * @param status HTTP status
 * @param body   JSON text
 */
record SimResponse(int status, String body) {

    static SimResponse json(int status, Object value) {
        return new SimResponse(status, SimJson.write(value));
    }

    /** OKKI's envelope around successful data. */
    static SimResponse success(String now, Object data) {
        return envelope(200, 200, "success", now, data);
    }

    /** An error envelope; OKKI reports most errors this way with HTTP 200. */
    static SimResponse error(int httpStatus, int code, String message, String now) {
        return envelope(httpStatus, code, message, now, null);
    }

    static SimResponse notFound(String now) {
        return error(404, 404, "Not Found Resource", now);
    }

    private static SimResponse envelope(int httpStatus, int code, String message, String now, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("now", now);
        envelope.put("data", data);
        return json(httpStatus, envelope);
    }
}
