package io.github.camelokki.simulator;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes record changes to the webhook the way OKKI does, once switched on: a record created, updated or deleted whose
 * module ({@code crm.<resource>}) is subscribed to that event ({@code xiaoman.crm.<resource>.update}, ...) becomes one
 * message whose biz_data holds the record's id, encrypted and signed with the webhook's security_config
 * ({@link OkkiEventPusher}). Messages leave in order from one thread after the change, so a change never waits for the
 * receiver, and a receiver that is down only costs a warning.
 */
final class EventPushes implements AutoCloseable {

    /** The JDK's logger: the simulator depends on no logging library (WireMock's is shaded). */
    private static final System.Logger LOG = System.getLogger(EventPushes.class.getName());

    private final Webhooks webhooks;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "okki-simulator-push");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong messages = new AtomicLong();
    private final AtomicInteger delivered = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean enabled;
    /** The pusher for the current secret; only the sender thread touches it. */
    private OkkiEventPusher pusher;

    EventPushes(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    void enable(boolean on) {
        enabled = on;
    }

    /** Called by {@link Records} for every change; pushes it if switched on and subscribed. */
    void changed(Records records, String action, long id) {
        if (!enabled) {
            return;
        }
        String type = "xiaoman.crm." + records.name() + "." + action;
        Webhooks.Target target = webhooks.target("crm." + records.name(), type);
        if (target == null) {
            return;
        }
        String messageId = "msg_sim_" + messages.incrementAndGet();
        OkkiEventPusher.Event event = OkkiEventPusher.event(type, Map.of(records.idField(), id));
        sender.execute(() -> push(target, messageId, event));
    }

    private void push(Webhooks.Target target, String messageId, OkkiEventPusher.Event event) {
        if (pusher == null || !pusher.securityConfig().equals(target.securityConfig())) {
            pusher = new OkkiEventPusher(target.securityConfig());
        }
        try {
            OkkiEventPusher.Answer answer = pusher.push(URI.create(target.callbackUrl()), messageId, List.of(event));
            if (answer.status() == 200) {
                delivered.incrementAndGet();
                LOG.log(System.Logger.Level.DEBUG, "Pushed {0} {1} to {2}", messageId, event.type(),
                        target.callbackUrl());
            } else {
                failed.incrementAndGet();
                LOG.log(System.Logger.Level.WARNING, "OKKI simulator: push {0} ({1}) to {2} was answered HTTP {3}",
                        messageId, event.type(), target.callbackUrl(), answer.status());
            }
        } catch (RuntimeException e) {
            failed.incrementAndGet();
            LOG.log(System.Logger.Level.WARNING, "OKKI simulator: push {0} ({1}) to {2} failed: {3}", messageId,
                    event.type(), target.callbackUrl(), e.getMessage());
        }
    }

    /** Off, message ids from 1 again, counters zeroed. */
    void reset() {
        enabled = false;
        messages.set(0);
        delivered.set(0);
        failed.set(0);
    }

    int delivered() {
        return delivered.get();
    }

    int failed() {
        return failed.get();
    }

    @Override
    public void close() {
        enabled = false;
        sender.shutdown();
        try {
            sender.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
