package io.github.camelokki.okki.api;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OKKI answered, but not with success: the envelope's {@code code} was not 200 (OKKI often says so with HTTP 200), or
 * the HTTP status was an error that retries did not cure.
 */
public class OkkiApiException extends OkkiException {

    private static final Pattern NO_PERMISSION = Pattern.compile("no permission\\s+(\\S+)\\s+scope", Pattern.CASE_INSENSITIVE);

    private final String operation;
    private final int httpStatus;
    private final Integer code;
    private final String providerMessage;
    private final String serverTime;

    public OkkiApiException(String operation, int httpStatus, Integer code, String providerMessage, String serverTime) {
        this(operation, httpStatus, code, providerMessage, serverTime, 1);
    }

    /**
     * @param attempts how many times the request was sent before OKKI's answer was taken as final
     */
    public OkkiApiException(String operation, int httpStatus, Integer code, String providerMessage, String serverTime,
            int attempts) {
        super(describe(operation, httpStatus, code, providerMessage, serverTime, attempts));
        this.operation = operation;
        this.httpStatus = httpStatus;
        this.code = code;
        this.providerMessage = providerMessage;
        this.serverTime = serverTime;
    }

    private static String describe(String operation, int httpStatus, Integer code, String message, String now,
            int attempts) {
        StringBuilder sb = new StringBuilder("OKKI refused ").append(operation).append(": ");
        sb.append(code != null ? "code " + code : "HTTP " + httpStatus);
        if (message != null && !message.isEmpty()) {
            sb.append(", \"").append(message).append('"');
        }
        StringBuilder context = new StringBuilder();
        if (code != null) {
            context.append("HTTP ").append(httpStatus);
        }
        if (now != null) {
            context.append(context.length() > 0 ? ", " : "").append("server time ").append(now);
        }
        if (attempts > 1) {
            context.append(context.length() > 0 ? ", " : "").append("after ").append(attempts).append(" attempts");
        }
        if (context.length() > 0) {
            sb.append(" (").append(context).append(')');
        }
        missingScope(message).ifPresent(scope -> sb.append(". The token lacks the '").append(scope)
                .append("' scope: enable that module for the app in OKKI and add it to the scope option,")
                .append(" or leave scope unset so the component requests what its endpoints need"));
        return sb.toString();
    }

    static Optional<String> missingScope(String message) {
        if (message == null) {
            return Optional.empty();
        }
        Matcher m = NO_PERMISSION.matcher(message);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The endpoint URI's operation, e.g. {@code company/info}. */
    public String getOperation() {
        return operation;
    }

    public int getHttpStatus() {
        return httpStatus;
    }

    /** The envelope's {@code code}, or null when the answer carried none. */
    public Integer getCode() {
        return code;
    }

    /** The envelope's {@code message}, as OKKI wrote it. */
    public String getProviderMessage() {
        return providerMessage;
    }

    /** The envelope's {@code now}, OKKI's clock when it answered, or null. */
    public String getServerTime() {
        return serverTime;
    }

    /** The scope named by a "no permission ... scopes" answer. */
    public Optional<String> getMissingScope() {
        return missingScope(providerMessage);
    }
}
