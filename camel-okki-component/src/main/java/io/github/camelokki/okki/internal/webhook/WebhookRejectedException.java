package io.github.camelokki.okki.internal.webhook;

/**
 * A push the receiver refuses before anything is emitted: the HTTP status to answer, a short public reason for the
 * caller, and a detail for the log. Neither carries a secret; no stack trace ever reaches the caller.
 */
public class WebhookRejectedException extends RuntimeException {

    private final int status;
    private final String reason;

    public WebhookRejectedException(int status, String reason, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status to answer: 400, 401 or 413. */
    public int status() {
        return status;
    }

    /** The short text for the caller, e.g. {@code invalid signature}. */
    public String reason() {
        return reason;
    }
}
