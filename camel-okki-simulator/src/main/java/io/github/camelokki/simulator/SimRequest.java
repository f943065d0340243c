package io.github.camelokki.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an HTTP request the OKKI model looks at, decoded once; each HTTP front end builds one with
 * {@link #of} from what it parsed.
 *
 * @param method HTTP method, upper case
 * @param path   path without the query
 * @param query  query parameters (first value of each)
 * @param form   fields of a url-encoded or multipart body
 * @param body   the body as text
 * @param bearer the bearer token from the Authorization header, or {@code null}
 */
public record SimRequest(String method, String path, Map<String, String> query, Map<String, String> form,
        String body, String bearer) {

    /**
     * A request as it arrived: the fields of a url-encoded body are decoded here; a front end that reads multipart
     * bodies adds their fields with {@link #withForm}.
     *
     * @param method        the HTTP method
     * @param target        the request target: path and query, e.g. {@code /v1/company/list?count=100}
     * @param contentType   the Content-Type header, or {@code null}
     * @param authorization the Authorization header, or {@code null}
     * @param body          the body as text, empty when there is none
     */
    public static SimRequest of(String method, String target, String contentType, String authorization,
            String body) {
        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : decode(target.substring(q + 1));
        boolean urlEncoded = contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        return new SimRequest(method.toUpperCase(Locale.ROOT), path, query, urlEncoded ? decode(body) : Map.of(),
                body == null ? "" : body, bearer(authorization));
    }

    /** The same request with these form fields (a multipart body's parts) as well. */
    public SimRequest withForm(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(form);
        all.putAll(fields);
        return new SimRequest(method, path, query, all, body, bearer);
    }

    /** A parameter from the query or, failing that, from the form body; {@code null} for a {@code null} name. */
    String param(String name) {
        if (name == null) {
            return null;
        }
        String value = query.get(name);
        return value != null ? value : form.get(name);
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    private static Map<String, String> decode(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return values;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(key, value);
        }
        return values;
    }
}
