package io.github.camelokki.examples.sync;

import java.util.List;
import java.util.Set;

import org.apache.camel.CamelContext;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;

/**
 * Which of Camel's dev consoles the application serves on {@code /q/dev}. camel-console brings every console it has,
 * and several of them hand out secrets or act on the application: in their JSON form {@code properties},
 * {@code main-configuration}, {@code endpoint} and {@code service} print the client secret and the webhook secret
 * unmasked, {@code jvm} and {@code system-properties} print {@code -D} options (where a secret may be given),
 * {@code send}, {@code receive}, {@code browse} and {@code debug} send, take or show messages, and some need JMX,
 * which the application does not run. So only consoles known to show neither secrets nor message contents stay.
 */
final class DevConsoles {

    /** The consoles served; okki's lists tokens by age (never their value) and each consumer's watermark. */
    static final Set<String> SERVED = Set.of("okki", "context", "health", "route-controller", "inflight", "blocked",
            "event", "memory", "gc", "thread", "platform-http", "main-http-server", "micrometer", "internal-tasks");

    private DevConsoles() {
    }

    /** Unregisters every console not in {@link #SERVED} that the registry holds now. */
    static void restrict(CamelContext context) {
        DevConsoleRegistry registry = context.getCamelContextExtension().getContextPlugin(DevConsoleRegistry.class);
        if (registry == null) {
            return;
        }
        List<DevConsole> unsafe = registry.stream().filter(c -> !SERVED.contains(c.getId())).toList();
        unsafe.forEach(registry::unregister);
    }
}
