package io.github.camelokki.simulator;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * OKKI's webhook/* and subscribe/* operations over {@link Webhooks}, with the answer shapes OKKI documents. The
 * token and its {@value #SCOPE} scope are checked before these run.
 * <p>
 * OKKI documents only the successful answers. Every failure here is a guess in OKKI's usual form, HTTP 200 with an
 * error envelope: code 404 "Not Found Resource" when there is no webhook or no subscription to read or change (as
 * for a missing record), code 400 for a malformed body, and code 400 for creating what exists already, so that a
 * client that creates blindly instead of updating fails here rather than against OKKI.
 */
final class WebhookOperations {

    /** The module scope of every webhook and subscribe operation. */
    static final String SCOPE = "webhook";

    /**
     * The security_method OKKI answers. The docs give the field but no value; pushes are AES-256-GCM encrypted (and
     * HMAC-SHA256 signed), so the simulator names the encryption.
     */
    static final String SECURITY_METHOD = "AES-256-GCM";

    /**
     * The callback_verify webhook/get answers. The docs give neither its meaning nor its values; the simulator never
     * sends webhook/test's push, so it answers "0" always rather than pretend a verification happened.
     */
    static final String CALLBACK_VERIFY = "0";

    private final SimClock clock;
    private final Webhooks webhooks;

    WebhookOperations(SimClock clock, Webhooks webhooks) {
        this.clock = clock;
        this.webhooks = webhooks;
    }

    /** GET /v1/webhook: the callback URL; no secret, OKKI hands that out only on create and regenerate-secret. */
    SimResponse get(SimRequest request) {
        String url = webhooks.callbackUrl();
        if (url == null) {
            return SimResponse.missing(clock.nowText());
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("callback_url", url);
        data.put("callback_verify", CALLBACK_VERIFY);
        data.put("security_method", SECURITY_METHOD);
        return SimResponse.success(clock.nowText(), data);
    }

    /** POST /v1/webhook {callback_url}: creates the webhook and hands out its security_config. */
    SimResponse create(SimRequest request) {
        return withCallbackUrl(request, url -> {
            String secret = webhooks.create(url);
            if (secret == null) {
                return SimResponse.invalid("a webhook is configured already; PUT /v1/webhook changes its callback_url",
                        clock.nowText());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("security_method", SECURITY_METHOD);
            data.put("security_config", secret);
            return SimResponse.success(clock.nowText(), data);
        });
    }

    /** PUT /v1/webhook {callback_url}: changes the URL; the secret stays. */
    SimResponse update(SimRequest request) {
        return withCallbackUrl(request, url -> {
            if (!webhooks.update(url)) {
                return SimResponse.missing(clock.nowText());
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("security_method", SECURITY_METHOD);
            data.put("callback_url", url);
            return SimResponse.success(clock.nowText(), data);
        });
    }

    /** DELETE /v1/webhook: answers without data, as documented. */
    SimResponse delete(SimRequest request) {
        return webhooks.delete() ? SimResponse.success(clock.nowText()) : SimResponse.missing(clock.nowText());
    }

    /** POST /v1/webhook/regenerate-secret: the new secret, which OKKI names webhook_secret here. */
    SimResponse regenerateSecret(SimRequest request) {
        String secret = webhooks.regenerateSecret();
        return secret == null ? SimResponse.missing(clock.nowText())
                : SimResponse.success(clock.nowText(), Map.of("webhook_secret", secret));
    }

    /**
     * POST /v1/webhook/test: OKKI sends a test push to the callback URL; the simulator sends nothing and answers as
     * OKKI documents success, without data.
     */
    SimResponse test(SimRequest request) {
        return webhooks.callbackUrl() == null ? SimResponse.missing(clock.nowText())
                : SimResponse.success(clock.nowText());
    }

    /** GET /v1/subscribe: every subscription as {subscribe_type, subscribe_config: [event type, ...]}. */
    SimResponse listSubscriptions(SimRequest request) {
        List<Map<String, Object>> data = new ArrayList<>();
        webhooks.subscriptions().forEach((module, types) -> data.add(subscription(module, types)));
        return SimResponse.success(clock.nowText(), data);
    }

    /**
     * POST /v1/subscribe {subscribe_type, subscribe_configs: [{biz_type}, ...]}: subscribes one module. OKKI answers
     * an array of strings it does not describe; the simulator answers the subscribed event types.
     */
    SimResponse subscribe(SimRequest request) {
        return withSubscription(request, null, (module, types) -> {
            List<String> subscribed = webhooks.addSubscription(module, types);
            return subscribed != null ? SimResponse.success(clock.nowText(), subscribed)
                    : SimResponse.invalid(module + " is subscribed already; PUT /v1/subscribe/" + module
                            + " changes it", clock.nowText());
        });
    }

    /** GET /v1/subscribe/{subscribe_type}. */
    SimResponse getSubscription(SimRequest request) {
        String module = pathModule(request);
        List<String> types = webhooks.subscription(module);
        return types == null ? SimResponse.missing(clock.nowText())
                : SimResponse.success(clock.nowText(), subscription(module, types));
    }

    /**
     * PUT /v1/subscribe/{subscribe_type} with the same body as create: replaces the module's event types. The docs
     * require subscribe_type in the body too; the simulator refuses one that is missing or names another module.
     */
    SimResponse updateSubscription(SimRequest request) {
        return withSubscription(request, pathModule(request), (module, types) -> {
            List<String> subscribed = webhooks.replaceSubscription(module, types);
            return subscribed != null ? SimResponse.success(clock.nowText(), subscribed)
                    : SimResponse.missing(clock.nowText());
        });
    }

    /** DELETE /v1/subscribe/{subscribe_type}: answers an empty array (OKKI documents an array of strings). */
    SimResponse deleteSubscription(SimRequest request) {
        return webhooks.removeSubscription(pathModule(request)) ? SimResponse.success(clock.nowText(), List.of())
                : SimResponse.missing(clock.nowText());
    }

    /** Runs the write with the body's callback_url, which must be an absolute http or https URL (a guess). */
    private SimResponse withCallbackUrl(SimRequest request, Function<String, SimResponse> write) {
        Map<String, Object> body = SimJson.readObject(request.body());
        if (body == null) {
            return SimResponse.invalid(SimJson.NOT_AN_OBJECT, clock.nowText());
        }
        Object url = body.get("callback_url");
        if (!(url instanceof String text) || !isHttpUrl(text)) {
            return SimResponse.invalid("callback_url must be an http or https URL", clock.nowText());
        }
        return write.apply(text);
    }

    /**
     * Runs the write with the body's module and event types once OKKI would accept them.
     *
     * @param pathModule the module the path names, which the body must name too; {@code null} on create
     */
    private SimResponse withSubscription(SimRequest request, String pathModule,
            BiFunction<String, List<String>, SimResponse> write) {
        Map<String, Object> body = SimJson.readObject(request.body());
        if (body == null) {
            return SimResponse.invalid(SimJson.NOT_AN_OBJECT, clock.nowText());
        }
        Object module = body.get("subscribe_type");
        if (pathModule != null && !pathModule.equals(module)) {
            return SimResponse.invalid("subscribe_type in the body must be " + pathModule + ", as in the path",
                    clock.nowText());
        }
        List<String> types = bizTypes(body.get("subscribe_configs"));
        if (types == null) {
            return SimResponse.invalid("subscribe_configs must be an array of {\"biz_type\": event type}",
                    clock.nowText());
        }
        String problem = Webhooks.problem(module instanceof String text ? text : null, types);
        return problem != null ? SimResponse.invalid(problem, clock.nowText()) : write.apply((String) module, types);
    }

    /** The biz_type of each {biz_type} object, or {@code null} if the value is not an array of them. */
    private static List<String> bizTypes(Object configs) {
        if (!(configs instanceof List<?> items)) {
            return null;
        }
        List<String> types = new ArrayList<>();
        for (Object item : items) {
            if (!(item instanceof Map<?, ?> config) || !(config.get("biz_type") instanceof String type)) {
                return null;
            }
            types.add(type);
        }
        return types;
    }

    private static Map<String, Object> subscription(String module, List<String> types) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("subscribe_type", module);
        answer.put("subscribe_config", types);
        return answer;
    }

    /** The {subscribe_type} path segment, e.g. crm.company. */
    private static String pathModule(SimRequest request) {
        String path = request.path();
        return URLDecoder.decode(path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    }

    private static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text);
            return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
