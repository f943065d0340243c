package io.github.camelokki.simulator.loopback;

/**
 * What the loopback stub may do to a request instead of answering it properly.
 */
public enum LoopbackFault {

    /** HTTP 500 with a JSON body; the connection stays open. */
    STATUS_500,
    /** HTTP 503 with a JSON body; the connection stays open. */
    STATUS_503,
    /** The request is read, then the connection is reset (SO_LINGER 0, then close): the client sees an RST. */
    RESET,
    /** The proper answer, after a delay between {@link FaultPlan#slowMin()} and {@link FaultPlan#slowMax()}. */
    SLOW,
    /** HTTP 502 with a gateway's HTML page, as a proxy in front of OKKI would send. */
    HTML_502,
    /**
     * HTTP 200 carrying an error envelope with code 500: OKKI's way of reporting a failure inside the application; the
     * request is not handled. The connection stays open.
     */
    ENVELOPE_500,
    /** HTTP 200 whose Content-Length promises more than is sent; then the connection is closed. */
    TRUNCATED_LENGTH,
    /** HTTP 200, close-delimited (Connection: close, no Content-Length), the JSON cut in half; then closed. */
    TRUNCATED_BODY
}
