package io.github.camelokki.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.camelokki.simulator.ResourceKind.Operation;

/**
 * Routes a request to the token endpoints or to a resource operation, enforcing OKKI's order of checks: unknown
 * route (HTTP 404), then the bearer token (HTTP 401), then the token's module scope (envelope code 403).
 */
final class OkkiApi {

    static final String ACCESS_TOKEN_PATH = "/v1/oauth2/access_token";
    static final String REFRESH_TOKEN_PATH = "/v1/oauth2/refresh_token";

    private enum Action { LIST, INFO, PUSH, REMOVE }

    private record Route(ResourceKind kind, Action action) {
    }

    private final SimClock clock;
    private final Tokens tokens;
    private final Function<ResourceKind, Records> records;
    private final ResourceOperations operations;
    private final Map<String, Route> routes = new HashMap<>();

    OkkiApi(SimClock clock, Tokens tokens, Function<ResourceKind, Records> records) {
        this.clock = clock;
        this.tokens = tokens;
        this.records = records;
        this.operations = new ResourceOperations(clock);
        for (ResourceKind kind : ResourceKind.all()) {
            routes.put("GET " + kind.listPath(), new Route(kind, Action.LIST));
            if (kind.operations().contains(Operation.INFO)) {
                routes.put("GET " + kind.infoPath(), new Route(kind, Action.INFO));
            }
            if (kind.operations().contains(Operation.PUSH)) {
                routes.put("POST " + kind.basePath() + kind.pushPath(), new Route(kind, Action.PUSH));
            }
            if (kind.operations().contains(Operation.REMOVE)) {
                routes.put(kind.removeMethod() + " " + kind.basePath() + kind.removePath(),
                        new Route(kind, Action.REMOVE));
            }
        }
    }

    static boolean isTokenCall(SimRequest request) {
        return request.path().equals(ACCESS_TOKEN_PATH) || request.path().equals(REFRESH_TOKEN_PATH);
    }

    SimResponse handle(SimRequest request) {
        if (isTokenCall(request)) {
            if (!request.method().equals("POST")) {
                return SimResponse.notFound(clock.nowText());
            }
            return request.path().equals(ACCESS_TOKEN_PATH) ? tokens.accessToken(request)
                    : tokens.refreshToken(request);
        }
        Route route = routes.get(request.method() + " " + request.path());
        if (route == null) {
            return SimResponse.notFound(clock.nowText());
        }
        if (!(tokens.check(request.bearer()) instanceof Tokens.Valid token)) {
            return SimResponse.json(401, Map.of("message", "Unauthenticated."));
        }
        ResourceKind kind = route.kind();
        if (!token.scopes().contains(kind.scope())) {
            return SimResponse.error(200, 403, "no permission " + kind.scope() + " scopes", clock.nowText());
        }
        Records store = records.apply(kind);
        return switch (route.action()) {
            case LIST -> operations.list(kind, store, request);
            case INFO -> operations.info(kind, store, request);
            case PUSH -> operations.push(kind, store, request);
            case REMOVE -> operations.remove(kind, store, request);
        };
    }
}
