package io.github.camelokki.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.http.Request;

/**
 * The parts of an HTTP request the simulator looks at, decoded once.
 *
 * @param method HTTP method, upper case
 * @param path   path without the query
 * @param query  query parameters (first value of each)
 * @param form   fields of a url-encoded or multipart body
 * @param body   the body as text
 * @param bearer the bearer token from the Authorization header, or {@code null}
 */
record SimRequest(String method, String path, Map<String, String> query, Map<String, String> form, String body,
        String bearer) {

    static SimRequest from(Request request) {
        String url = request.getUrl();
        int q = url.indexOf('?');
        String path = q < 0 ? url : url.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : decode(url.substring(q + 1));
        String body = request.getBodyAsString();
        Map<String, String> form = new LinkedHashMap<>();
        String contentType = request.getHeader("Content-Type");
        if (request.isMultipart()) {
            request.getParts().forEach(part -> form.put(part.getName(), part.getBody().asString()));
        } else if (contentType != null && contentType.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            form.putAll(decode(body));
        }
        return new SimRequest(request.getMethod().getName().toUpperCase(), path, query, form, body,
                bearer(request.getHeader("Authorization")));
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
