package io.github.camelokki.simulator;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OKKI's push configuration for the simulated app: at most one webhook (the callback URL and the security_config
 * pushes are encrypted and signed with) and at most one event subscription per module. Shared by the HTTP side and
 * the test or example driving the simulator.
 * <p>
 * Writes OKKI carries out over HTTP are counted ({@link #writes()}), so a test can check that a client changed
 * nothing. Refused calls (no webhook to update, a second create, a bad body) change nothing and are not counted, nor
 * is state set up from Java with {@link #configure} or {@link #subscribe}; {@link OkkiSimulator#requestCount(String)}
 * counts every call received.
 * <p>
 * The simulator pushes record changes to the webhook only once {@link OkkiSimulator#pushEvents} is on; tests can push
 * any message themselves with {@link OkkiEventPusher}.
 */
public final class Webhooks {

    /** The modules OKKI takes subscriptions for, as its subscription docs list them. */
    static final List<String> MODULES = List.of("crm.order", "crm.company", "crm.dynamic_trail",
            "crm.purchase_order", "crm.product", "crm.cash_collection_invoice", "crm.cash_collection",
            "crm.payment_invoice", "crm.cost_invoice", "crm.quotation", "crm.supplier", "crm.opportunity",
            "crm.warehouse", "crm.lead", "crm.outbound_invoice", "crm.inbound_invoice", "crm.warehouse_return_invoice",
            "crm.customer");

    private String callbackUrl; // all guarded by this
    private String securityConfig;
    private final Map<String, List<String>> subscriptions = new LinkedHashMap<>();
    private int writes;

    Webhooks() {
    }

    /** The URL OKKI pushes to, or {@code null} when no webhook is configured. */
    public synchronized String callbackUrl() {
        return callbackUrl;
    }

    /** The secret webhook/create or regenerate-secret handed out last, or {@code null} when there is no webhook. */
    public synchronized String securityConfig() {
        return securityConfig;
    }

    /** The subscribed event types by module (crm.company to xiaoman.crm.company.create, ...), in subscription order. */
    public synchronized Map<String, List<String>> subscriptions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(subscriptions));
    }

    /** Write calls OKKI carried out: webhook create, update, delete and regenerate-secret, subscribe writes. */
    public synchronized int writes() {
        return writes;
    }

    /**
     * Sets up a webhook as if created before the test: the callback URL with a fresh security_config, replacing any
     * webhook there is. Not counted as a write.
     *
     * @return the new security_config
     */
    public synchronized String configure(String callbackUrl) {
        this.callbackUrl = Objects.requireNonNull(callbackUrl, "callbackUrl");
        securityConfig = OkkiEventPusher.newSecurityConfig();
        return securityConfig;
    }

    /**
     * Sets up a webhook as if created before, with a security_config the receiver already knows (an application and
     * its embedded simulator share one). Not counted as a write.
     *
     * @throws IllegalArgumentException if the secret is not base64 of 32 bytes, as OKKI hands out
     */
    public synchronized void configure(String callbackUrl, String securityConfig) {
        byte[] key;
        try {
            key = java.util.Base64.getDecoder().decode(Objects.requireNonNull(securityConfig, "securityConfig"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("security_config is not base64", e);
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("security_config must be base64 of 32 bytes, not " + key.length);
        }
        this.callbackUrl = Objects.requireNonNull(callbackUrl, "callbackUrl");
        this.securityConfig = securityConfig;
    }

    /** Where and with which secret an event of the module goes: null without a webhook or a subscription to it. */
    synchronized Target target(String module, String eventType) {
        List<String> types = subscriptions.get(module);
        if (callbackUrl == null || types == null || !types.contains(eventType)) {
            return null;
        }
        return new Target(callbackUrl, securityConfig);
    }

    /** A webhook's callback URL and secret, read together. */
    record Target(String callbackUrl, String securityConfig) {
    }

    /**
     * Sets up (or replaces) the subscription of a module as if made before the test. Not counted as a write.
     *
     * @throws IllegalArgumentException if OKKI would refuse the subscription
     */
    public synchronized void subscribe(String module, String... eventTypes) {
        List<String> types = List.of(eventTypes);
        String problem = problem(module, types);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        subscriptions.put(module, distinct(types));
    }

    /** No webhook, no subscriptions, no writes. */
    synchronized void clear() {
        callbackUrl = null;
        securityConfig = null;
        subscriptions.clear();
        writes = 0;
    }

    // --- writes over HTTP: each answers whether it was carried out, and counts if so ---

    /** Creates the webhook and answers its security_config; {@code null} when there is one already. */
    synchronized String create(String url) {
        if (callbackUrl != null) {
            return null;
        }
        writes++;
        return configure(url);
    }

    /** Changes the callback URL, keeping the secret; {@code false} when there is no webhook. */
    synchronized boolean update(String url) {
        return changeWebhook(() -> callbackUrl = url);
    }

    /** Removes the webhook; subscriptions are separate and stay. {@code false} when there is no webhook. */
    synchronized boolean delete() {
        return changeWebhook(() -> {
            callbackUrl = null;
            securityConfig = null;
        });
    }

    /** Replaces the secret and answers the new one; {@code null} when there is no webhook. */
    synchronized String regenerateSecret() {
        return changeWebhook(() -> securityConfig = OkkiEventPusher.newSecurityConfig()) ? securityConfig : null;
    }

    /** The subscribed event types of the module, or {@code null} when it has no subscription. */
    synchronized List<String> subscription(String module) {
        return subscriptions.get(module);
    }

    /**
     * Subscribes the module (already checked with {@link #problem}) and answers its event types; {@code null} when
     * it has a subscription already.
     */
    synchronized List<String> addSubscription(String module, List<String> types) {
        return subscriptions.containsKey(module) ? null : putSubscription(module, types);
    }

    /** Replaces the event types of a subscribed module and answers them; {@code null} when it has no subscription. */
    synchronized List<String> replaceSubscription(String module, List<String> types) {
        return subscriptions.containsKey(module) ? putSubscription(module, types) : null;
    }

    /** Unsubscribes the module; {@code false} when it has no subscription. */
    synchronized boolean removeSubscription(String module) {
        if (subscriptions.remove(module) == null) {
            return false;
        }
        writes++;
        return true;
    }

    /** Makes the change to the webhook there is and counts it; {@code false} when there is none. */
    private boolean changeWebhook(Runnable change) {
        if (callbackUrl == null) {
            return false;
        }
        writes++;
        change.run();
        return true;
    }

    private List<String> putSubscription(String module, List<String> types) {
        writes++;
        List<String> kept = distinct(types);
        subscriptions.put(module, kept);
        return kept;
    }

    /**
     * Why OKKI would refuse to subscribe the module to the event types, or {@code null} if it would not: the module
     * must be one OKKI lists, and each type one of its create, update and delete events.
     */
    static String problem(String module, List<String> types) {
        if (module == null || !MODULES.contains(module)) {
            return "subscribe_type must be one of " + MODULES;
        }
        if (types.isEmpty()) {
            return "subscribe_configs must name at least one biz_type";
        }
        List<String> offered = List.of("xiaoman." + module + ".create", "xiaoman." + module + ".update",
                "xiaoman." + module + ".delete");
        for (String type : types) {
            if (!offered.contains(type)) {
                return "biz_type " + type + " is not an event of " + module + ", which has " + offered;
            }
        }
        return null;
    }

    private static List<String> distinct(List<String> types) {
        return List.copyOf(new LinkedHashSet<>(types));
    }
}
