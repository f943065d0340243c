package io.github.camelokki.okki.internal.webhook;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.catalog.OperationCatalog;
import io.github.camelokki.okki.internal.client.OkkiClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the callback URL and the module subscriptions with OKKI ({@code webhook/*}, {@code subscribe/*}), doing
 * only what is missing: an up-to-date registration costs two reads and no write.
 */
public final class WebhookRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookRegistrar.class);
    private static final List<String> ACTIONS = List.of("create", "update", "delete");

    private final OkkiClient client;
    private final OperationCatalog catalog = OperationCatalog.standard();

    public WebhookRegistrar(OkkiClient client) {
        this.client = client;
    }

    /** The callback URL OKKI pushes to now (a read), or null when no webhook is registered. */
    public String currentCallback() {
        Object current = null;
        try {
            current = call("webhook", "get", Map.of(), null);
        } catch (OkkiApiException e) {
            LOG.debug("webhook/get failed ({}); assuming no webhook is registered", e.getMessage());
        }
        String registered = current instanceof Map<?, ?> m && m.get("callback_url") != null
                ? String.valueOf(m.get("callback_url")) : null;
        return registered == null || registered.isBlank() ? null : registered;
    }

    /**
     * Makes OKKI push to the callback URL: creates the webhook when there is none, updates its URL when it differs.
     *
     * @param registered the callback URL registered now ({@link #currentCallback()}), or null for none
     * @return the security_config OKKI returned when it created the webhook; null when it already existed (OKKI only
     *         hands out the secret on creation, so it must then come from the securityConfig option)
     */
    public String registerCallback(String callbackUrl, String registered) {
        if (registered == null) {
            Object created = call("webhook", "create", Map.of(), Map.of("callback_url", callbackUrl));
            LOG.info("Registered the OKKI webhook callback {}", callbackUrl);
            return created instanceof Map<?, ?> m && m.get("security_config") != null
                    ? String.valueOf(m.get("security_config")) : null;
        }
        if (!registered.equals(callbackUrl)) {
            call("webhook", "update", Map.of(), Map.of("callback_url", callbackUrl));
            LOG.info("Changed the OKKI webhook callback from {} to {}", registered, callbackUrl);
        } else {
            LOG.debug("The OKKI webhook callback {} is already registered", callbackUrl);
        }
        return null;
    }

    /**
     * Subscribes to the create, update and delete events of the module (e.g. {@code crm.company}), creating or
     * replacing the subscription when it differs.
     */
    public void subscribe(String module) {
        List<String> wanted = ACTIONS.stream().map(a -> "xiaoman." + module + "." + a).toList();
        Object current = null;
        try {
            current = call("subscribe", "get", Map.of("subscribe_type", module), null);
        } catch (OkkiApiException e) {
            LOG.debug("subscribe/get {} failed ({}); assuming no subscription", module, e.getMessage());
        }
        Set<String> have = subscribed(current);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscribe_type", module);
        List<Map<String, String>> configs = new ArrayList<>();
        wanted.forEach(type -> configs.add(Map.of("biz_type", type)));
        body.put("subscribe_configs", configs);
        if (have.isEmpty()) {
            call("subscribe", "create", Map.of(), body);
            LOG.info("Subscribed to OKKI events of {}", module);
        } else if (!have.equals(new HashSet<>(wanted))) {
            call("subscribe", "update", Map.of("subscribe_type", module), body);
            LOG.info("Updated the OKKI event subscription of {}", module);
        }
    }

    /** The event types of a subscribe/get answer: {@code subscribe_config} as strings or as {biz_type} objects. */
    private static Set<String> subscribed(Object data) {
        Set<String> types = new HashSet<>();
        if (data instanceof Map<?, ?> m && m.get("subscribe_config") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> cfg && cfg.get("biz_type") != null) {
                    types.add(String.valueOf(cfg.get("biz_type")));
                } else if (item != null) {
                    types.add(String.valueOf(item));
                }
            }
        }
        return types;
    }

    private Object call(String resource, String name, Map<String, ?> params, Object body) {
        Operation op = catalog.require(resource, name);
        return client.call(op, params, body).data();
    }
}
