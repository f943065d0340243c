package io.github.camelokki.okki.api;

import org.apache.camel.RuntimeCamelException;

/**
 * The root of every exception the OKKI component raises, so a route can catch them all with one
 * {@code onException(OkkiException.class)}.
 */
public class OkkiException extends RuntimeCamelException {

    public OkkiException(String message) {
        super(message);
    }

    public OkkiException(String message, Throwable cause) {
        super(message, cause);
    }
}
