package io.github.camelokki.okki.internal.transport;

import java.net.URI;

import io.github.camelokki.okki.internal.catalog.HttpMethod;

/**
 * A request ready to send. The body is held as bytes so that a retry can send it again.
 *
 * @param method        the HTTP method
 * @param uri           the full URI, query included
 * @param authorization the Authorization header value, or null
 * @param contentType   the body's Content-Type (with boundary for multipart), or null without a body
 * @param body          the body, or null
 */
public record HttpRequestSpec(HttpMethod method, URI uri, String authorization, String contentType, byte[] body) {

    /** What to call the request in messages and logs: method and path, never headers or query values. */
    public String describe() {
        return method + " " + uri.getRawPath();
    }

    public HttpRequestSpec withAuthorization(String value) {
        return new HttpRequestSpec(method, uri, value, contentType, body);
    }

    @Override
    public String toString() {
        return describe();
    }
}
