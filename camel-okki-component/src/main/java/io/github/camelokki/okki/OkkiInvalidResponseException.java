package io.github.camelokki.okki;

/**
 * OKKI's answer was not the JSON the API documents: a gateway's HTML error page, an empty or truncated body.
 */
public class OkkiInvalidResponseException extends OkkiException {

    /** How much of a bad body an exception quotes. */
    public static final int QUOTE_LENGTH = 200;

    private final int httpStatus;
    private final String bodyStart;

    public OkkiInvalidResponseException(String what, int httpStatus, String contentType, String bodyStart, Throwable cause) {
        super(what + " is not valid JSON (HTTP " + httpStatus + ", Content-Type " + contentType + "); it begins: "
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
