package io.github.camelokki.okki.internal.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.github.camelokki.okki.api.BodyType;

/**
 * One OKKI Open API operation: everything the component needs to call it, with no behaviour of its own.
 *
 * @param resource    the first part of the URI, e.g. {@code company}
 * @param name        the second part of the URI, e.g. {@code list}
 * @param aliases     other accepted names for {@link #name}
 * @param method      the HTTP method
 * @param path        the path, possibly with {@code {placeholders}} filled from parameters
 * @param scope       the OAuth2 module scope a token needs to call it, or null when unknown
 * @param bodyType    how the body is encoded
 * @param idParameter the parameter the record-id header fills, or null
 * @param query       parameters sent in the query string (or the path)
 * @param fields      parameters sent as form fields of a form or multipart body
 * @param paging      how a list operation pages its records, or null when {@code data} is not a page
 * @param summary     what the operation does
 * @param changes     how the list answers "what changed since", for lists with a time window; null otherwise
 * @param bodyFields  the documented fields of a JSON body ({@code bodies.txt}); {@link BodyFields#NONE} when there are
 *                    none
 */
public record Operation(
        String resource, String name, List<String> aliases, HttpMethod method, String path, String scope,
        BodyType bodyType, String idParameter, List<Parameter> query, List<Parameter> fields, Paging paging,
        String summary, ChangeTracking changes, BodyFields bodyFields) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/]+)}");

    public Operation {
        aliases = List.copyOf(aliases);
        query = List.copyOf(query);
        fields = List.copyOf(fields);
        bodyFields = bodyFields == null ? BodyFields.NONE : bodyFields;
        if (!bodyFields.isEmpty() && bodyType != BodyType.JSON) {
            throw new IllegalArgumentException(resource + "/" + name + " takes no JSON body, so it has no body fields");
        }
    }

    /** An operation whose body, if any, has no documented fields. */
    public Operation(String resource, String name, List<String> aliases, HttpMethod method, String path, String scope,
            BodyType bodyType, String idParameter, List<Parameter> query, List<Parameter> fields, Paging paging,
            String summary, ChangeTracking changes) {
        this(resource, name, aliases, method, path, scope, bodyType, idParameter, query, fields, paging, summary,
                changes, BodyFields.NONE);
    }

    /** The part of an endpoint URI after {@code okki:}, e.g. {@code company/list}. */
    public String uri() {
        return resource + "/" + name;
    }

    public boolean isPage() {
        return paging != null;
    }

    /** Whether the operation can be walked page by page (a page-shaped answer with paging parameters). */
    public boolean isPageable() {
        return paging != null && paging.style().pageable();
    }

    public Stream<Parameter> parameters() {
        return Stream.concat(query.stream(), fields.stream());
    }

    public Optional<Parameter> parameter(String parameterName) {
        return parameters().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    /**
     * Whether the named parameter travels in the query string (or path). For form and multipart operations only the
     * documented query parameters do; every other parameter becomes a field of the body.
     */
    public boolean isQueryParameter(String parameterName) {
        return !bodyType.carriesFields() || query.stream().anyMatch(p -> p.name().equals(parameterName));
    }

    /** The same operation with its parameters described, as {@code parameters.txt} states them. */
    Operation withParameters(List<Parameter> describedQuery, List<Parameter> describedFields) {
        return new Operation(resource, name, aliases, method, path, scope, bodyType, idParameter, describedQuery,
                describedFields, paging, summary, changes);
    }

    /** The same operation with its change tracking, as {@code changes.txt} states it. */
    Operation withChanges(ChangeTracking tracking) {
        return new Operation(resource, name, aliases, method, path, scope, bodyType, idParameter, query, fields, paging,
                summary, tracking, bodyFields);
    }

    /** The same operation with the fields of its JSON body, as {@code bodies.txt} states them. */
    Operation withBodyFields(BodyFields documented) {
        return new Operation(resource, name, aliases, method, path, scope, bodyType, idParameter, query, fields, paging,
                summary, changes, documented);
    }

    /** Whether the list takes a time window ({@code start_time}). */
    public boolean isTimeFiltered() {
        return parameter("start_time").isPresent();
    }

    /** The parameter that, set to 1, lists deleted records instead of live ones ({@code removed}, {@code is_delete}). */
    public Optional<String> deletedFlag() {
        return parameter("removed").or(() -> parameter("is_delete")).map(Parameter::name);
    }

    /** The names of the {@code {placeholders}} in the path. */
    public List<String> pathParameters() {
        Matcher m = PLACEHOLDER.matcher(path);
        return m.results().map(r -> r.group(1)).toList();
    }

    /** An operation built on the fly for a path the catalog lacks ({@code okki:api/<method>?path=...}). */
    public static Operation adHoc(HttpMethod method, String path, BodyType bodyType, String scope) {
        return new Operation("api", method.name().toLowerCase(Locale.ROOT), List.of(), method, path, scope,
                bodyType, null, List.of(), List.of(), null, "Calls " + method + " " + path + " directly.", null);
    }
}
