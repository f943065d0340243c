package io.github.camelokki.okki;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;

/**
 * The okki components started in one CamelContext, whatever names they were added under: each adds itself when it
 * starts and removes itself when it stops. Kept as a context plugin, so that the dev console asks it instead of
 * looking through every component of the context.
 */
final class RunningComponents {

    private final Set<OkkiComponent> started = new CopyOnWriteArraySet<>();

    private RunningComponents() {
    }

    /** The context's registry of started okki components; created with the first one. */
    static RunningComponents of(CamelContext context) {
        ExtendedCamelContext extension = context.getCamelContextExtension();
        synchronized (extension) {
            RunningComponents running = extension.getContextPlugin(RunningComponents.class);
            if (running == null) {
                running = new RunningComponents();
                extension.addContextPlugin(RunningComponents.class, running);
            }
            return running;
        }
    }

    void add(OkkiComponent component) {
        started.add(component);
    }

    void remove(OkkiComponent component) {
        started.remove(component);
    }

    List<OkkiComponent> started() {
        return List.copyOf(started);
    }
}
