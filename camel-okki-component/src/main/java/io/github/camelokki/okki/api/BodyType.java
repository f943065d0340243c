package io.github.camelokki.okki.api;

/**
 * How an operation wants its request body encoded.
 */
public enum BodyType {
    /** The operation takes no body: every parameter travels in the query string. */
    NONE("-"),
    /** A JSON document, built from the message body. */
    JSON("application/json"),
    /** URL-encoded form fields. */
    FORM("application/x-www-form-urlencoded"),
    /** multipart/form-data fields. */
    MULTIPART("multipart/form-data");

    private final String mediaType;

    BodyType(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** True when parameters that are not query parameters travel as fields of the body. */
    public boolean carriesFields() {
        return this == FORM || this == MULTIPART;
    }

    public static BodyType parse(String text) {
        return switch (text) {
            case "none", "-" -> NONE;
            case "json" -> JSON;
            case "form" -> FORM;
            case "multipart" -> MULTIPART;
            default -> throw new IllegalArgumentException("Unknown body type '" + text + "'");
        };
    }
}
