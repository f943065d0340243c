package io.github.camelokki.examples.sync;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.camelokki.simulator.OkkiSimulator;
import io.github.camelokki.simulator.Records;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes records in the embedded simulator as the users of a real account would, so that someone trying the
 * application sees what a change sets off: the simulator pushes the webhook event (okki-events logs it) and the next
 * poll syncs the record. A few changes every period on its own, and one per {@code POST /simulator/changes}.
 */
public final class SimulatedActivity implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedActivity.class);

    /** The resources the application syncs, and so the ones worth changing. */
    static final List<String> RESOURCES = List.of("company", "order");

    private final OkkiSimulator simulator;
    private final Random random = new Random();
    private ScheduledExecutorService timer;

    SimulatedActivity(OkkiSimulator simulator) {
        this.simulator = simulator;
    }

    /**
     * Changes records on its own: {@code count} of them, each of a resource drawn at random, every period.
     */
    synchronized void start(Duration period, int count) {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "okki-simulator-activity");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            for (int i = 0; i < count; i++) {
                try {
                    change(RESOURCES.get(random.nextInt(RESOURCES.size())));
                } catch (RuntimeException e) {
                    // a failed change must not end the schedule
                    LOG.warn("Simulator: no change made: {}", e.getMessage());
                }
            }
        }, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Simulator: changes {} record(s) every {} s and pushes the events (okki.simulator.changes.period=0"
                + " switches this off)", count, period.toSeconds());
    }

    /**
     * Updates one live record of the resource, drawn at random: OKKI's clock stamps its update time, and the simulator
     * pushes {@code xiaoman.crm.<resource>.update} with the record's id.
     *
     * @param resource company or order
     * @return the resource, the record's id, the event type and the new update time
     * @throws IllegalArgumentException for another resource, or when it has no live record
     */
    public Map<String, Object> change(String resource) {
        if (!RESOURCES.contains(resource)) {
            throw new IllegalArgumentException("resource must be one of " + RESOURCES + ", not " + resource);
        }
        Records records = simulator.records(resource);
        List<Map<String, Object>> live = records.all();
        if (live.isEmpty()) {
            throw new IllegalArgumentException("the simulator has no " + resource + " left to change");
        }
        Object id = live.get(random.nextInt(live.size())).get(records.idField());
        Map<String, Object> changed = records.update(id, Map.of());
        String event = "xiaoman.crm." + resource + ".update";
        LOG.info("Simulator: changed {} {}; it pushes {}", resource, id, event);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("resource", resource);
        answer.put(records.idField(), id);
        answer.put("event", event);
        answer.put("update_time", changed.get("update_time"));
        return answer;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
