package io.github.camelokki.simulator;

/**
 * A way for a call to fail, as seen in front of or inside OKKI.
 * <p>
 * Most kinds fail the call before the simulator looks at it, so a write is not applied. {@link #TRUNCATED_JSON} and
 * {@link #SLOW} break the answer after the call was handled: a push or remove hit by them has taken effect even though
 * the client saw a failure (or gave up waiting), which is what exactly-once tests need to provoke.
 */
public enum Fault {
    /** HTTP 500 with a JSON error body, as the application server answers when it crashes. */
    HTTP_500(false),
    /** HTTP 502 with the gateway's HTML page instead of JSON. */
    HTTP_502_HTML(false),
    /** HTTP 503, the service being down for maintenance or overloaded. */
    HTTP_503(false),
    /** HTTP 429 with {@code Retry-After: 1}, the rate limiter refusing the call. */
    HTTP_429(false),
    /**
     * HTTP 200 carrying the envelope {@code {"code":500,"message":"Server error",...,"data":null}}: OKKI's way of
     * reporting a failure inside the application, which a client reading only the HTTP status takes for success.
     */
    ENVELOPE_500(false),
    /** HTTP 200 carrying an envelope with code -1, the generic failure code OKKI also uses for rejected input. */
    ENVELOPE_MINUS_1(false),
    /** The TCP connection is reset without an answer. */
    CONNECTION_RESET(false),
    /** The connection is closed without sending a single byte. */
    EMPTY_RESPONSE(false),
    /** HTTP 200 whose JSON body stops half way; the call itself was handled. */
    TRUNCATED_JSON(true),
    /** The normal answer, but only after a delay ({@link Faults#slowDelay}); the call itself was handled. */
    SLOW(true);

    private final boolean afterHandling;

    Fault(boolean afterHandling) {
        this.afterHandling = afterHandling;
    }

    /** Whether the call is handled (and a write applied) before the fault breaks its answer. */
    public boolean afterHandling() {
        return afterHandling;
    }
}
