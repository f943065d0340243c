package io.github.camelokki.okki.api;

/**
 * The message cannot become a valid call: a required parameter is missing, the body does not fit the operation, a
 * JSON body does not parse. Raised before anything is sent.
 */
public class OkkiInvalidRequestException extends OkkiException {

    public OkkiInvalidRequestException(String message) {
        super(message);
    }

    public OkkiInvalidRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
