package io.github.camelokki.okki;

import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriParams;

/**
 * The options of {@code okki:events}, the consumer of OKKI's webhook pushes.
 */
@UriParams
public class OkkiWebhookConfiguration implements Cloneable {

    @UriParam(label = "consumer,webhook", defaultValue = "/okki/events",
              description = "The HTTP path, served through Camel's platform-http, that OKKI posts events to.")
    private String webhookPath = "/okki/events";

    public String getWebhookPath() {
        return webhookPath;
    }

    public void setWebhookPath(String webhookPath) {
        this.webhookPath = webhookPath;
    }
}
