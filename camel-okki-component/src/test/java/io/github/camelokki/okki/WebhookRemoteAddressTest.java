package io.github.camelokki.okki;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Whom a refused push is logged as coming from, on any platform-http engine: the peer Vert.x reports, else the
 * client a proxy names, else nothing made up.
 */
class WebhookRemoteAddressTest {

    private final Message request = new DefaultMessage(new DefaultCamelContext());

    @Test
    void vertxPeerAddress() {
        request.setHeader(OkkiWebhookConsumer.VERTX_REMOTE_ADDRESS, "10.1.2.3:41000");
        request.setHeader("X-Forwarded-For", "203.0.113.9");
        assertEquals("10.1.2.3:41000", OkkiWebhookConsumer.remote(request));
    }

    @Test
    void anotherEngineBehindAProxy() {
        request.setHeader("X-Forwarded-For", " 203.0.113.9, 10.0.0.1");
        assertEquals("203.0.113.9 (X-Forwarded-For)", OkkiWebhookConsumer.remote(request));
    }

    @Test
    void anotherEngineWithoutAProxy() {
        assertEquals("an unknown address", OkkiWebhookConsumer.remote(request));
    }
}
