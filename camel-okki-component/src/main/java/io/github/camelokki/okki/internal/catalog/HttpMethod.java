package io.github.camelokki.okki.internal.catalog;

/**
 * The HTTP methods the OKKI Open API uses.
 */
public enum HttpMethod {
    GET(true),
    POST(false),
    PUT(false),
    DELETE(false);

    private final boolean safe;

    HttpMethod(boolean safe) {
        this.safe = safe;
    }

    /**
     * Whether sending the request twice cannot change anything on the server. The API has no idempotency keys, so only
     * reads may be retried without the user's consent.
     */
    public boolean safe() {
        return safe;
    }
}
