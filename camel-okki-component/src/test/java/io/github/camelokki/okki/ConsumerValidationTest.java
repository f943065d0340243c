package io.github.camelokki.okki;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumer options that cannot work fail when the route starts, saying why, before OKKI is called. */
class ConsumerValidationTest extends OkkiTestSupport {

    private Throwable startFailure(String uri) throws Exception {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("bad").to("mock:never");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        assertEquals(0, okki.getAllServeEvents().size(), "nothing may be sent to OKKI");
        return root;
    }

    @Test
    void onlyListOperationsCanBeConsumed() throws Exception {
        Throwable e = startFailure("okki:company/info");
        assertEquals("okki:company/info cannot be consumed: from(...) takes a list operation such as"
                + " okki:company/list, or okki:events for webhook pushes.", e.getMessage());
    }

    @Test
    void initialSyncMustBeAllNowOrATime() throws Exception {
        Throwable e = startFailure("okki:company/list?initialSync=yesterday");
        assertEquals("initialSync must be all, now or an OKKI time yyyy-MM-dd HH:mm:ss, not 'yesterday'",
                e.getMessage());
    }

    @Test
    void includeDeletedNeedsAListThatReportsDeletions() throws Exception {
        Throwable e = startFailure("okki:lead/list?includeDeleted=true");
        assertTrue(e.getMessage().startsWith("includeDeleted=true, but okki:lead/list cannot list deleted records"),
                e.getMessage());
    }
}
