package io.github.camelokki.simulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer of the simulated API, which each HTTP front end sends as it is: the model's answers, and the failures in
 * front of or inside OKKI the front ends inject.
 *
 * @param status      HTTP status
 * @param contentType the Content-Type header
 * @param body        the body: JSON, or a gateway's HTML page
 */
public record SimResponse(int status, String contentType, String body) {

    static final String JSON = "application/json; charset=utf-8";

    /** The page a gateway (nginx) in front of OKKI sends when OKKI does not answer. */
    private static final String GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    static SimResponse json(int status, Object value) {
        return new SimResponse(status, JSON, SimJson.write(value));
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

    /**
     * A failure the application server reports with its HTTP status and a short JSON message: 500 (it crashed), 503
     * (down or overloaded), 429 (the rate limiter; the front end adds Retry-After).
     */
    public static SimResponse httpFailure(int status) {
        String message = switch (status) {
            case 429 -> "Too Many Attempts.";
            case 503 -> "Service Unavailable";
            default -> "Server Error";
        };
        return json(status, Map.of("message", message));
    }

    /**
     * HTTP 200 carrying an error envelope with the code (500, -1): OKKI's way of reporting a failure inside the
     * application, which a client reading only the HTTP status takes for success.
     */
    public static SimResponse envelopeFailure(int code, String now) {
        return error(200, code, "Server error", now);
    }

    /** HTTP 502 with the HTML page of the gateway in front of OKKI instead of JSON. */
    public static SimResponse gatewayPage() {
        return new SimResponse(502, "text/html", GATEWAY_PAGE);
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
