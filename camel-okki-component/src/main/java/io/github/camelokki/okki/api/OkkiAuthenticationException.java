package io.github.camelokki.okki.api;

/**
 * OKKI's token endpoint refused the credentials ({@code invalid_client}, {@code invalid_grant}, ...). Retrying the
 * same call will not help: the configuration has to change.
 */
public class OkkiAuthenticationException extends OkkiException {

    private final int httpStatus;
    private final String error;
    private final String errorDescription;
    private final String hint;

    public OkkiAuthenticationException(int httpStatus, String error, String errorDescription, String hint) {
        super(describe(httpStatus, error, errorDescription, hint));
        this.httpStatus = httpStatus;
        this.error = error;
        this.errorDescription = errorDescription;
        this.hint = hint;
    }

    private static String describe(int httpStatus, String error, String description, String hint) {
        StringBuilder sb = new StringBuilder("OKKI refused to issue an access token (HTTP ").append(httpStatus).append(')');
        if (error != null) {
            sb.append(": ").append(error);
        }
        if (description != null) {
            sb.append(", \"").append(description).append('"');
        }
        if (hint != null && !hint.isEmpty()) {
            sb.append(", hint: ").append(hint);
        }
        sb.append(". ").append(advice(error));
        return sb.toString();
    }

    private static String advice(String error) {
        if ("invalid_client".equals(error)) {
            return "Check clientId and clientSecret (OKKI: enterprise management, external integration, API).";
        }
        if ("invalid_grant".equals(error)) {
            return "Check username and password (give the plain password; the component hashes it).";
        }
        if ("invalid_scope".equals(error)) {
            return "Check the scope option: module names separated by spaces, e.g. \"company invoices\".";
        }
        return "Check the connection options clientId, clientSecret, grantType, username and password.";
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** The OAuth2 error code, e.g. {@code invalid_client}. */
    public String getError() {
        return error;
    }

    public String getErrorDescription() {
        return errorDescription;
    }

    /** OKKI's hint, when it gave one. */
    public String getHint() {
        return hint;
    }
}
