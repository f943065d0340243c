package io.github.camelokki.okki.api;

/**
 * OKKI's answer was not the JSON the API documents: a gateway's HTML error page, an empty or truncated body.
 */
public class OkkiInvalidResponseException extends OkkiException {

    /** How much of a bad body an exception quotes. */
    public static final int QUOTE_LENGTH = 200;

    private final int httpStatus;
    private final String bodyStart;

    /**
     * @param what    names the answer, e.g. "The answer to okki:company/info"
     * @param problem what is wrong with it, e.g. "is not valid JSON"
     */
    public OkkiInvalidResponseException(String what, String problem, int httpStatus, String contentType,
            String bodyStart, Throwable cause) {
        super(what + " " + problem + " (HTTP " + httpStatus + ", Content-Type " + contentType + "); it begins: "
                + (bodyStart.isEmpty() ? "<empty body>" : bodyStart)
                + ". This usually means a proxy or gateway answered instead of OKKI, or the connection was cut.",
                cause);
        this.httpStatus = httpStatus;
        this.bodyStart = bodyStart;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** The first characters of the body OKKI (or whoever answered) sent. */
    public String getBodyStart() {
        return bodyStart;
    }
}
