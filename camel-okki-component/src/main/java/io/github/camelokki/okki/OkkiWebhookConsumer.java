package io.github.camelokki.okki;

import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;

/**
 * Receives OKKI's webhook pushes on {@code okki:events}.
 */
public class OkkiWebhookConsumer extends DefaultConsumer {

    public OkkiWebhookConsumer(OkkiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected void doStart() throws Exception {
        throw new UnsupportedOperationException("okki:events is not implemented yet");
    }
}
