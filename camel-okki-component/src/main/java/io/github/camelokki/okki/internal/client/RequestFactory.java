package io.github.camelokki.okki.internal.client;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.camelokki.okki.api.BodyType;
import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.Parameter;
import io.github.camelokki.okki.internal.json.OkkiJson;
import io.github.camelokki.okki.internal.transport.HttpRequestSpec;
import org.apache.hc.client5.http.entity.mime.HttpMultipartMode;
import org.apache.hc.client5.http.entity.mime.MultipartEntityBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NameValuePair;
import org.apache.hc.core5.http.message.BasicNameValuePair;
import org.apache.hc.core5.net.PercentCodec;
import org.apache.hc.core5.net.WWWFormCodec;

/**
 * Turns an operation, its parameters and a body into the HTTP request OKKI expects, refusing (before anything is sent)
 * a call that cannot succeed: a required parameter missing, a body where none belongs, a JSON body that does not parse
 * or lacks a field OKKI requires ({@link BodyFieldCheck}).
 */
public final class RequestFactory {

    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    private static final String JSON = "application/json; charset=UTF-8";

    private final URI baseUrl;
    private final Map<String, String> resolvedPaths = new ConcurrentHashMap<>();
    private final Map<String, List<String>> pathParameters = new ConcurrentHashMap<>();
    private final Map<String, BodyFieldCheck> bodyChecks = new ConcurrentHashMap<>();

    public RequestFactory(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Builds the request, without authorization.
     *
     * @param params parameters by OKKI name; null values are left out
     * @param body   the message body, or null
     */
    public HttpRequestSpec build(Operation op, Map<String, ?> params, Object body) {
        String what = "okki:" + op.uri();
        Map<String, Object> query = new LinkedHashMap<>();
        Map<String, Object> fields = new LinkedHashMap<>();
        if (op.bodyType().carriesFields() && body != null) {
            fields.putAll(OkkiJson.toFields(body, what));
        }
        params.forEach((name, value) -> {
            if (!isBlank(value)) {
                (op.isQueryParameter(name) ? query : fields).put(name, value);
            }
        });
        checkRequired(op, query, fields, what);

        String path = op.path();
        for (String name : pathParameters.computeIfAbsent(op.path(), p -> op.pathParameters())) {
            path = path.replace("{" + name + "}", PercentCodec.encode(text(query.remove(name)), StandardCharsets.UTF_8));
        }
        URI uri = uri(path, query);
        return switch (op.bodyType()) {
            case NONE -> {
                if (!isBlank(body)) {
                    throw new OkkiInvalidRequestException(what + " takes no body, but the message body is a "
                            + body.getClass().getName() + ". Give its parameters as endpoint options by OKKI's names or in the "
                            + OkkiConstants.PARAMS + " header, and clear the body before this endpoint "
                            + "(e.g. setBody(constant(null))).");
                }
                yield new HttpRequestSpec(op.method(), uri, null, null, null);
            }
            case JSON -> {
                if (body == null) {
                    throw new OkkiInvalidRequestException(what + " needs a JSON body (a Map, a POJO or a JSON string), "
                            + "but the message body is empty.");
                }
                OkkiJson.Json json = OkkiJson.toJson(body, what);
                // the tree of text, bytes or a stream, already parsed to check the syntax; else the body as given
                bodyCheck(op).check(json.tree() != null ? json.tree() : body);
                yield new HttpRequestSpec(op.method(), uri, null, JSON, json.bytes());
            }
            case FORM -> new HttpRequestSpec(op.method(), uri, null, FORM,
                    WWWFormCodec.format(pairs(fields), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8));
            case MULTIPART -> multipart(op, uri, fields);
        };
    }

    /** Adds the required parameters without a value to {@code missing} (created when needed); returns it. */
    private static List<String> missing(List<Parameter> parameters, Map<String, Object> values, List<String> missing) {
        for (Parameter parameter : parameters) {
            if (parameter.required() && isBlank(values.get(parameter.name()))) {
                missing = missing != null ? missing : new ArrayList<>();
                missing.add(parameter.name());
            }
        }
        return missing;
    }

    private static void checkRequired(Operation op, Map<String, Object> query, Map<String, Object> fields, String what) {
        // plain loops: this runs on every call, and allocates nothing when nothing is missing
        List<String> missing = missing(op.fields(), fields, missing(op.query(), query, null));
        if (missing == null) {
            return;
        }
        String first = missing.get(0);
        StringBuilder sb = new StringBuilder(what).append(" needs the parameter").append(missing.size() > 1 ? "s " : " ")
                .append(String.join(", ", missing)).append(". Set it as the endpoint option ").append(first)
                .append("=... (or param.").append(first).append("=...), or in the ").append(OkkiConstants.PARAMS).append(" header (a Map)");
        if (missing.contains(op.idParameter())) {
            sb.append("; ").append(op.idParameter()).append(" can also come from the ").append(OkkiConstants.ID)
                    .append(" header");
        }
        if (op.bodyType().carriesFields()) {
            sb.append("; form fields can also come from a Map body");
        }
        throw new OkkiInvalidRequestException(sb.append('.').toString());
    }

    /** The operation's body check, made once per operation. */
    private BodyFieldCheck bodyCheck(Operation op) {
        BodyFieldCheck check = bodyChecks.computeIfAbsent(op.uri(), uri -> BodyFieldCheck.of(op));
        return check.isFor(op) ? check : BodyFieldCheck.of(op);
    }

    /** The request URI: the resolved path (cached, it is the same for every call of an operation) and the query. */
    private URI uri(String path, Map<String, Object> query) {
        String resolved = resolvedPaths.computeIfAbsent(path, p -> baseUrl.resolve(p).toString());
        String uri = query.isEmpty() ? resolved
                : resolved + "?" + WWWFormCodec.format(pairs(query), StandardCharsets.UTF_8);
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new OkkiInvalidRequestException("Cannot build a URI from " + baseUrl + " and " + path, e);
        }
    }

    private static HttpRequestSpec multipart(Operation op, URI uri, Map<String, Object> fields) {
        // Our own boundary and header: HttpClient's builder would add a charset parameter that PHP servers trip over.
        String boundary = "okki-" + UUID.randomUUID();
        MultipartEntityBuilder builder = MultipartEntityBuilder.create().setMode(HttpMultipartMode.EXTENDED)
                .setBoundary(boundary);
        fields.forEach((name, value) -> {
            if (value instanceof byte[] bytes) {
                builder.addBinaryBody(name, bytes, ContentType.APPLICATION_OCTET_STREAM, name);
            } else if (value instanceof File file) {
                builder.addBinaryBody(name, file);
            } else {
                values(value).forEach(v -> builder.addTextBody(name, v, ContentType.TEXT_PLAIN.withCharset(StandardCharsets.UTF_8)));
            }
        });
        HttpEntity entity = builder.build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            entity.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot encode the multipart body of okki:" + op.uri(), e);
        }
        return new HttpRequestSpec(op.method(), uri, null, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }

    private static List<NameValuePair> pairs(Map<String, Object> values) {
        List<NameValuePair> pairs = new ArrayList<>();
        values.forEach((name, value) -> values(value).forEach(v -> pairs.add(new BasicNameValuePair(name, v))));
        return pairs;
    }

    /** A parameter's values as text: an Iterable or array gives one value per element, a Map its JSON. */
    private static List<String> values(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Iterable<?> items) {
            items.forEach(item -> out.add(text(item)));
        } else if (value instanceof Object[] items) {
            for (Object item : items) {
                out.add(text(item));
            }
        } else {
            out.add(text(value));
        }
        return out;
    }

    private static String text(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new String(OkkiJson.toJsonBytes(map, "a parameter"), StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    private static boolean isBlank(Object value) {
        return value == null || value instanceof String s && s.isEmpty() || value instanceof byte[] b && b.length == 0;
    }
}
