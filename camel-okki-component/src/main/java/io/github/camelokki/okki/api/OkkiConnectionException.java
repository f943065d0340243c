package io.github.camelokki.okki.api;

/**
 * OKKI could not be reached, or the connection failed, after every retry the call was allowed.
 */
public class OkkiConnectionException extends OkkiException {

    public OkkiConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
