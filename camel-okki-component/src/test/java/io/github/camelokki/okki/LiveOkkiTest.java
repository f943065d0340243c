package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Checks against a real OKKI account. OKKI has no sandbox, so these run only when a user supplies credentials on
 * purpose (OKKI_CLIENT_ID, OKKI_CLIENT_SECRET) and then only read; the write check also needs OKKI_ALLOW_WRITES=true.
 */
@EnabledIfEnvironmentVariable(named = "OKKI_CLIENT_ID", matches = ".+")
@EnabledIfEnvironmentVariable(named = "OKKI_CLIENT_SECRET", matches = ".+")
class LiveOkkiTest extends CamelTestSupport {

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OkkiComponent component = new OkkiComponent();
        component.getConfiguration().setClientId(System.getenv("OKKI_CLIENT_ID"));
        component.getConfiguration().setClientSecret(System.getenv("OKKI_CLIENT_SECRET"));
        if (System.getenv("OKKI_BASE_URL") != null) {
            component.getConfiguration().setBaseUrl(System.getenv("OKKI_BASE_URL"));
        }
        context.addComponent("okki", component);
        return context;
    }

    @Test
    void readsUsersAndOneCompanyPage() {
        Object users = template.requestBody("okki:user/list", (Object) null);
        assertInstanceOf(List.class, users);

        Exchange page = template.request("okki:company/list?pageSize=5", e -> { });
        assertInstanceOf(List.class, page.getMessage().getBody());
        assertNotNull(page.getMessage().getHeader(OkkiConstants.SERVER_TIME));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "OKKI_ALLOW_WRITES", matches = "true")
    void createsAndRemovesACompanyTag() {
        Map<?, ?> created = template.requestBody("okki:company/pushTag",
                Map.of("tag_name", "camel-okki live check", "tag_color", "#1e90ff"), Map.class);
        Object tagId = created.get("tag_id");
        assertNotNull(tagId, "pushTag answered " + created);
        Object removed = template.requestBodyAndHeader("okki:company/removeTag", null, OkkiConstants.ID, tagId);
        assertTrue(removed == null || removed instanceof Map || removed instanceof String);
    }
}
