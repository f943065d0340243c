package io.github.camelokki.okki;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.camelokki.okki.internal.json.OkkiJson;
import io.github.camelokki.simulator.OkkiEventPusher;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServerConfiguration;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the webhook tests: a Vert.x platform-http server on a free port of 127.0.0.1, OKKI's side played by
 * {@link OkkiEventPusher} (the simulator's own signing and encryption, not the receiver's), and the WARN lines of the
 * consumer captured.
 */
abstract class WebhookHttpTest extends OkkiTestSupport {

    /** A security_config as OKKI hands them out: base64 of 32 random bytes. */
    static final String SECRET = OkkiEventPusher.newSecurityConfig();

    protected int port;
    protected final OkkiEventPusher pusher = new OkkiEventPusher(SECRET);
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private AbstractAppender appender;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        VertxPlatformHttpServerConfiguration server = new VertxPlatformHttpServerConfiguration();
        server.setBindHost("127.0.0.1");
        server.setBindPort(port);
        context.addService(new VertxPlatformHttpServer(server));
        return context;
    }

    @BeforeEach
    void captureWarnings() {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        appender = new AbstractAppender("webhook-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)
                        && event.getLoggerName().equals(OkkiWebhookConsumer.class.getName())) {
                    warnings.add(event.getLevel() + " " + event.getMessage().getFormattedMessage()
                            + (event.getThrown() == null ? "" : " THROWN " + event.getThrown()));
                }
            }
        };
        appender.start();
        LoggerConfig okki = logs.getConfiguration().getLoggerConfig("io.github.camelokki");
        okki.addAppender(appender, Level.ALL, null);
        logs.updateLoggers();
    }

    @AfterEach
    void stopCapture() {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        logs.getConfiguration().getLoggerConfig("io.github.camelokki").removeAppender(appender.getName());
        logs.updateLoggers();
        appender.stop();
    }

    protected List<String> warnings() {
        return List.copyOf(warnings);
    }

    protected URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    protected URI url() {
        return url("/okki/events");
    }

    /** The URI option giving the secret (RAW, since base64 has + / =). */
    static String secret(String securityConfig) {
        return "RAW(" + securityConfig + ")";
    }

    static Map<String, Object> parse(String json) {
        try {
            return OkkiJson.mapper().readValue(json, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    static long now() {
        return System.currentTimeMillis() / 1000;
    }
}
