package io.github.camelokki.simulator;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

import io.github.camelokki.simulator.ResourceKind.Operation;

/**
 * Routes a request to the token endpoints, a resource operation or a webhook operation, enforcing OKKI's order of
 * checks: unknown route (HTTP 404), then the bearer token (HTTP 401), then the token's module scope (envelope code
 * 403).
 */
final class OkkiApi {

    static final String ACCESS_TOKEN_PATH = "/v1/oauth2/access_token";
    static final String REFRESH_TOKEN_PATH = "/v1/oauth2/refresh_token";

    /** Stands for the last path segment in a route key, for paths that end in a parameter. */
    private static final String PATH_PARAM = "/*";

    private record Route(String scope, Function<SimRequest, SimResponse> handler) {
    }

    private final SimClock clock;
    private final Tokens tokens;
    private final Map<String, Route> routes = new HashMap<>();

    OkkiApi(SimClock clock, Tokens tokens, Function<ResourceKind, Records> records, Webhooks webhooks) {
        this.clock = clock;
        this.tokens = tokens;
        ResourceOperations operations = new ResourceOperations(clock);
        for (ResourceKind kind : ResourceKind.all()) {
            route("GET", kind.listPath(), kind.scope(), r -> operations.list(kind, records.apply(kind), r));
            if (kind.operations().contains(Operation.INFO)) {
                route("GET", kind.infoPath(), kind.scope(), r -> operations.info(kind, records.apply(kind), r));
            }
            if (kind.operations().contains(Operation.PUSH)) {
                route("POST", kind.basePath() + kind.pushPath(), kind.scope(),
                        r -> operations.push(kind, records.apply(kind), r));
            }
            if (kind.operations().contains(Operation.REMOVE)) {
                route(kind.removeMethod(), kind.basePath() + kind.removePath(), kind.scope(),
                        r -> operations.remove(kind, records.apply(kind), r));
            }
        }
        WebhookOperations hooks = new WebhookOperations(clock, webhooks);
        String scope = WebhookOperations.SCOPE;
        route("GET", "/v1/webhook", scope, hooks::get);
        route("POST", "/v1/webhook", scope, hooks::create);
        route("PUT", "/v1/webhook", scope, hooks::update);
        route("DELETE", "/v1/webhook", scope, hooks::delete);
        route("POST", "/v1/webhook/regenerate-secret", scope, hooks::regenerateSecret);
        route("POST", "/v1/webhook/test", scope, hooks::test);
        route("GET", "/v1/subscribe", scope, hooks::listSubscriptions);
        route("POST", "/v1/subscribe", scope, hooks::subscribe);
        route("GET", "/v1/subscribe" + PATH_PARAM, scope, hooks::getSubscription);
        route("PUT", "/v1/subscribe" + PATH_PARAM, scope, hooks::updateSubscription);
        route("DELETE", "/v1/subscribe" + PATH_PARAM, scope, hooks::deleteSubscription);
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
        Route route = find(request);
        if (route == null) {
            return SimResponse.notFound(clock.nowText());
        }
        if (!(tokens.check(request.bearer()) instanceof Tokens.Valid token)) {
            return SimResponse.json(401, Map.of("message", "Unauthenticated."));
        }
        if (!token.scopes().contains(route.scope())) {
            return SimResponse.error(200, 403, "no permission " + route.scope() + " scopes", clock.nowText());
        }
        return route.handler().apply(request);
    }

    private void route(String method, String path, String scope, Function<SimRequest, SimResponse> handler) {
        routes.put(method + " " + path, new Route(scope, handler));
    }

    /** The route of the exact path, else of the path with its last, non-empty segment as a parameter. */
    private Route find(SimRequest request) {
        String path = request.path();
        Route exact = routes.get(request.method() + " " + path);
        int slash = path.lastIndexOf('/');
        if (exact != null || slash <= 0 || slash == path.length() - 1) {
            return exact;
        }
        return routes.get(request.method() + " " + path.substring(0, slash) + PATH_PARAM);
    }
}
