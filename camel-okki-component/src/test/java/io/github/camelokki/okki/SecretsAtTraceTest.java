package io.github.camelokki.okki;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.okki.internal.auth.Credentials;
import io.github.camelokki.simulator.OkkiEventPusher;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.console.DevConsole;
import org.apache.camel.console.DevConsoleRegistry;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every secret option, whatever its name, stays hidden wherever Camel or the component shows an endpoint: both
 * endpoint kinds (an operation and okki-events; okki:events in {@link SecretsOnTheComponentTest}) are built with every secret option set to its own value in their
 * URIs, and a producer call and a webhook push run with Camel and the component logging at TRACE. No value may appear
 * in a log line, an endpoint's, route's or consumer's toString(), the dev consoles, the MBeans or the health checks'
 * details, except in the lines where Camel's core prints URIs as written ({@link #excusedCamelCoreLines()}).
 * {@link SecretsOnTheComponentTest} gives the same secrets on the component instead, and then nothing is excused.
 */
class SecretsAtTraceTest extends WebhookHttpTest {

    /** A value for every secret option of the endpoint; a secret option added later fails the test until listed. */
    static final Map<String, String> SECRET_OPTIONS = new LinkedHashMap<>();
    static final String USERNAME = "trace.user@example.com";

    static {
        SECRET_OPTIONS.put("clientSecret", "trace-client-secret-aa11");
        SECRET_OPTIONS.put("password", "trace-password-bb22");
        SECRET_OPTIONS.put("proxyPassword", "trace-proxy-password-cc33");
        // the current security_config and, after a comma, the previous one
        SECRET_OPTIONS.put("securityConfig", SECRET + "," + OkkiEventPusher.newSecurityConfig());
    }

    /**
     * Lines in which Camel's core prints endpoint URIs and their parameters as written, for every component, before
     * or without asking the component: the endpoint lookup and the parameter map of a new endpoint (TRACE; Camel's
     * rule is that TRACE may show passwords) and the consumer URIs of route definitions (DEBUG). No component can
     * mask these; the reference page says so and how to keep secrets out of URIs. Nothing else is excused.
     */
    private static final List<String> CAMEL_CORE_RAW = List.of(
            "org.apache.camel.impl.engine.AbstractCamelContext - Getting endpoint with uri: ",
            "org.apache.camel.impl.engine.AbstractCamelContext - Getting endpoint with raw uri: ",
            "org.apache.camel.impl.engine.AbstractCamelContext - Endpoint uri: ",
            "org.apache.camel.impl.engine.AbstractCamelContext - Creating endpoint from uri: ",
            "org.apache.camel.support.EndpointHelper - Resolved property placeholders with uri: ",
            "org.apache.camel.support.DefaultComponent - Creating endpoint uri=[",
            "org.apache.camel.impl.engine.AbstractCamelContext - Adding templated routes from builder: ",
            "org.apache.camel.test.junit5.util.CamelContextTestHelper - Using created route builder",
            "org.apache.camel.impl.PreconditionHelper - No precondition found, the Route[",
            "org.apache.camel.management.JmxManagementLifecycleStrategy - Checking whether to register {");
    /** Camel's consoles that print the routes' definitions as written, for every component. */
    private static final Set<String> ROUTE_SOURCE_CONSOLES = Set.of("route-dump", "route-structure",
            "processor-detail");
    /**
     * Camel's consoles that act instead of showing: from Camel 4.22, calling heap-dump writes a heap dump (tens of MB)
     * into the working directory.
     */
    private static final Set<String> ACTING_CONSOLES = Set.of("heap-dump");
    /** Camel's consoles whose JSON form lists endpoint URIs unmasked (their text form masks them), for every component. */
    private static final Set<String> RAW_JSON_CONSOLES = Set.of("endpoint", "service");

    /** What may never be shown: every value, the password's SHA-256 (what OKKI takes), and the issued token. */
    private static final List<String> NEVER_SHOWN = new ArrayList<>();

    static {
        SECRET_OPTIONS.values().forEach(value -> NEVER_SHOWN.addAll(List.of(value.split(","))));
        NEVER_SHOWN.add(Credentials.sha256Hex(SECRET_OPTIONS.get("password")));
        NEVER_SHOWN.add(TOKEN);
    }

    /** Every line logged from before the context is created (JUnit runs the test support's set-up first). */
    private static final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private static AbstractAppender appender;
    private static final List<String> TRACED = List.of("org.apache.camel", "io.github.camelokki");
    private static final Map<String, Level> LEVELS = new LinkedHashMap<>();

    SecretsAtTraceTest() {
        // the endpoints' and routes' MBeans are among the places looked at
        testConfiguration().withJMX(true);
    }

    private static String options(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String name : names) {
            sb.append('&').append(name).append("=RAW(").append(SECRET_OPTIONS.get(name)).append(')');
        }
        return sb.toString();
    }

    /** The operation endpoint, with every secret option it takes. */
    protected String producerUri() {
        return "okki:company/info?grantType=password&username=" + USERNAME
                + options("clientSecret", "password", "proxyPassword");
    }

    /** okki-events, with every secret option. */
    protected String eventsUri() {
        return "okki-events:/okki/events?clientId=" + CLIENT_ID + options("clientSecret", "password", "proxyPassword",
                "securityConfig");
    }

    /** The beginnings of the log lines that may show a secret: see {@link #CAMEL_CORE_RAW}. */
    protected List<String> excusedCamelCoreLines() {
        return CAMEL_CORE_RAW;
    }

    /** The consoles that are not looked at, and those whose JSON form is not: see the constants. */
    protected Set<String> excusedConsoles() {
        return ROUTE_SOURCE_CONSOLES;
    }

    protected Set<String> excusedJsonConsoles() {
        return RAW_JSON_CONSOLES;
    }

    @BeforeAll
    static void traceEverything() {
        lines.clear();
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = logs.getConfiguration();
        appender = new AbstractAppender("trace-capture", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                StringBuilder line = new StringBuilder().append(event.getLoggerName()).append(" - ")
                        .append(event.getMessage().getFormattedMessage());
                if (event.getThrown() != null) {
                    StringWriter trace = new StringWriter();
                    event.getThrown().printStackTrace(new PrintWriter(trace));
                    line.append('\n').append(trace);
                }
                lines.add(line.toString());
            }
        };
        appender.start();
        for (String name : TRACED) {
            LoggerConfig config = configuration.getLoggerConfig(name);
            if (!config.getName().equals(name)) {
                config = new LoggerConfig(name, Level.TRACE, true);
                configuration.addLogger(name, config);
            }
            LEVELS.put(name, config.getLevel());
            config.setLevel(Level.TRACE);
            config.addAppender(appender, Level.TRACE, null);
        }
        logs.updateLoggers();
    }

    @AfterAll
    static void stopTracing() {
        LoggerContext logs = (LoggerContext) LogManager.getContext(false);
        for (String name : TRACED) {
            LoggerConfig config = logs.getConfiguration().getLoggerConfig(name);
            config.removeAppender(appender.getName());
            config.setLevel(LEVELS.get(name));
        }
        logs.updateLoggers();
        appender.stop();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:info").routeId("info").to(producerUri());
                from(eventsUri()).routeId("events").to("mock:events");
            }
        };
    }

    /** Every readable attribute of Camel's MBeans, as text. */
    private static List<String> mbeanAttributes() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        List<String> values = new ArrayList<>();
        for (ObjectName name : server.queryNames(new ObjectName("org.apache.camel:*"), null)) {
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                try {
                    values.add("jmx " + name + " " + attribute.getName() + "=" + server.getAttribute(name,
                            attribute.getName()));
                } catch (Exception | LinkageError unreadable) {
                    // some attributes need a running feature (tracing, ...); what cannot be read shows nothing
                }
            }
        }
        assertFalse(values.isEmpty(), "no Camel MBeans");
        return values;
    }

    @Test
    void everySecretOptionIsCovered() {
        Set<String> secret = new TreeSet<>(new OkkiEndpointUriFactory().secretPropertyNames());
        secret.addAll(new OkkiEventsEndpointUriFactory().secretPropertyNames());
        assertEquals(secret, new TreeSet<>(SECRET_OPTIONS.keySet()), "give every secret option a value above");
    }

    @Test
    void noSecretIsShownAnywhere() throws Exception {
        stubToken();
        okki.stubFor(get(urlPathEqualTo("/v1/company/info")).willReturn(okJson(envelope(Map.of("company_id", 42)))));
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(1);

        Exchange info = template.request("direct:info", e -> e.getMessage().setHeader(OkkiConstants.ID, 42));
        assertNull(info.getException(), () -> "the producer call failed: " + info.getException());
        OkkiEventPusher.Answer pushed = pusher.push(url(), "trace-message-1",
                List.of(OkkiEventPusher.event("xiaoman.crm.company.update", Map.of("company_id", 42))));
        assertEquals(200, pushed.status(), pushed.body());
        events.assertIsSatisfied();

        Map<String, String> shown = new LinkedHashMap<>();
        synchronized (lines) {
            for (int i = 0; i < lines.size(); i++) {
                shown.put("log line " + i, lines.get(i));
            }
        }
        for (Endpoint endpoint : context.getEndpoints()) {
            shown.put("endpoint " + endpoint.getEndpointKey().hashCode(), endpoint.toString());
        }
        for (Route route : context.getRoutes()) {
            shown.put("route " + route.getRouteId(), route + " " + route.getDescription() + " " + route.getConsumer());
        }
        DevConsoleRegistry consoles = DevConsoleRegistry.get(context);
        consoles.loadDevConsoles();
        consoles.stream().filter(console -> !excusedConsoles().contains(console.getId())
                        && !ACTING_CONSOLES.contains(console.getId()))
                .forEach(console -> {
                    shown.put("console " + console.getId(), String.valueOf(console.call(DevConsole.MediaType.TEXT)));
                    if (!excusedJsonConsoles().contains(console.getId())) {
                        shown.put("console " + console.getId() + " (JSON)",
                                String.valueOf(console.call(DevConsole.MediaType.JSON)));
                    }
                });
        assertTrue(shown.containsKey("console okki"), shown.keySet().toString());
        mbeanAttributes().forEach(attribute -> shown.put("jmx " + attribute, attribute));
        for (HealthCheck.Result result : HealthCheckHelper.invoke(context)) {
            shown.put("health " + result.getCheck().getId(), result.getDetails() + " " + result.getMessage().orElse(""));
        }

        assertTrue(lines.stream().anyMatch(l -> l.contains(" receives OKKI pushes on POST /okki/events")), "the capture works");
        List<String> leaks = new ArrayList<>();
        shown.forEach((where, text) -> {
            if (NEVER_SHOWN.stream().anyMatch(text::contains)
                    && excusedCamelCoreLines().stream().noneMatch(text::startsWith)
                    && !camelCannotMaskSecurityConfig(where, text)) {
                leaks.add(where + ": " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
            }
        });
        assertEquals(List.of(), leaks);
    }

    /**
     * Camel 4.14 has no URISupport.addSanitizeKeywords, so Camel's own outputs there (its log lines, JMX names and
     * attributes, its consoles) mask only the option names Camel itself deems sensitive: a securityConfig written in
     * the URI shows in them (docs/user-guide.md, Supported runtimes). Excused there only: on 4.14, for Camel's
     * outputs, when the securityConfig values are all that shows, and only when the URI carries securityConfig
     * ({@link SecretsOnTheComponentTest} gives it on the component: nothing excused there). The component's own
     * outputs mask it on every line.
     */
    private boolean camelCannotMaskSecurityConfig(String where, String text) {
        if (OkkiComponent.CAMEL_SANITIZER_EXTENDED || !eventsUri().contains("securityConfig=")) {
            return false;
        }
        boolean componentOutput = where.startsWith("console okki") || where.startsWith("health ")
                || where.startsWith("endpoint ") || text.startsWith("io.github.camelokki");
        List<String> securityConfig = List.of(SECRET_OPTIONS.get("securityConfig").split(","));
        return !componentOutput && NEVER_SHOWN.stream()
                .filter(value -> !securityConfig.contains(value))
                .noneMatch(text::contains);
    }
}
