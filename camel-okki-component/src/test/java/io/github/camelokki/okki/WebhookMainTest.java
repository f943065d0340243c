package io.github.camelokki.okki;

import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.github.camelokki.okki.api.OkkiConstants;
import io.github.camelokki.simulator.OkkiEventPusher.Answer;
import io.github.camelokki.simulator.OkkiEventPusher;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * okki:events in Camel Main, served by camel-platform-http-main's embedded server (camel.server.*), without
 * credentials: receiving pushes needs only the security_config. The secret comes through a property placeholder
 * without RAW(...), so URI decoding turns its '+' into spaces, which the consumer restores.
 */
@RequiresCamelModule("camel-platform-http-main")
class WebhookMainTest {

    @Test
    void receivesPushesThroughTheMainHttpServer() throws Exception {
        String secret = OkkiEventPusher.newSecurityConfig();
        // the case URI decoding breaks, at its worst: a leading '+' becomes a leading space
        while (!secret.startsWith("+")) {
            secret = OkkiEventPusher.newSecurityConfig();
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Properties props = new Properties();
        props.setProperty("camel.server.enabled", "true");
        props.setProperty("camel.server.host", "127.0.0.1");
        props.setProperty("camel.server.port", Integer.toString(port));
        props.setProperty("okki.webhook.secret", secret);

        Main main = new Main();
        main.setOverrideProperties(props);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:events?webhookPath=/hooks/okki&securityConfig={{okki.webhook.secret}}").to("mock:main");
            }
        });
        main.start();
        try {
            MockEndpoint mock = main.getCamelContext().getEndpoint("mock:main", MockEndpoint.class);
            mock.expectedMessageCount(1);
            mock.expectedHeaderReceived(OkkiConstants.EVENT_TYPE, "xiaoman.crm.company.create");

            Answer answer = new OkkiEventPusher(secret).push(URI.create("http://127.0.0.1:" + port + "/hooks/okki"),
                    "msg_main", List.of(OkkiEventPusher.event("xiaoman.crm.company.create",
                            Map.of("company_id", 42, "serial_id", "C-0042"))));

            assertEquals(200, answer.status());
            assertEquals("{\"code\":200,\"data\":{\"message_id\":\"msg_main\"}}", answer.body());
            mock.assertIsSatisfied();
            assertEquals(Map.of("company_id", 42, "serial_id", "C-0042"),
                    mock.getExchanges().get(0).getMessage().getBody(Map.class));
        } finally {
            main.stop();
        }
    }
}
