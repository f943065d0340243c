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
        return json(200, envelope(200, "success", now, data));
    }

    /** A success envelope without a data member, as OKKI documents for operations that answer no data. */
    static SimResponse success(String now) {
        Map<String, Object> envelope = envelope(200, "success", now, null);
        envelope.remove("data");
        return json(200, envelope);
    }

    /** An error envelope; OKKI reports most errors this way with HTTP 200. */
    static SimResponse error(int httpStatus, int code, String message, String now) {
        return json(httpStatus, envelope(code, message, now, null));
    }

    /** HTTP 404 for a route OKKI does not have. */
    static SimResponse notFound(String now) {
        return error(404, 404, "Not Found Resource", now);
    }

    /** OKKI's answer for a record or configuration that does not exist: code 404 in an HTTP 200 envelope. */
    static SimResponse missing(String now) {
        return error(200, 404, "Not Found Resource", now);
    }

    /** A request OKKI refuses as malformed: code 400 in an HTTP 200 envelope. */
    static SimResponse invalid(String message, String now) {
        return error(200, 400, message, now);
    }

    private static Map<String, Object> envelope(int code, String message, String now, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("now", now);
        envelope.put("data", data);
        return envelope;
    }
}
