package io.github.camelokki.okki;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Consumer options that cannot work fail when the route starts, saying why, before OKKI is called. */
class ConsumerValidationTest extends OkkiTestSupport {

    @Override
    protected Throwable startFailure(String uri) {
        Throwable root = super.startFailure(uri);
        assertEquals(0, okki.getAllServeEvents().size(), "nothing may be sent to OKKI");
        return root;
    }

    @Test
    void onlyListOperationsCanBeConsumed() throws Exception {
        Throwable e = startFailure("okki:company/info");
        assertEquals("okki:company/info cannot be consumed: from(...) takes a list operation such as"
                + " okki:company/list, or okki-events for webhook pushes.", e.getMessage());
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

    @Test
    void aWindowOnCreationTimeIsRefused() throws Exception {
        String message = "okki:company/list consumer: time_type=2 makes OKKI filter the window on another time than the"
                + " update time, so the consumer would miss changes. It sends time_type=1 itself: remove the option"
                + " time_type, or read by that time with a producer, e.g."
                + " to(\"okki:company/list?allPages=true&time_type=2&start_time=...\").";
        assertEquals(message, startFailure("okki:company/list?time_type=2").getMessage());
        assertEquals(message, startFailure("okki:company/list?param.time_type=2").getMessage());
    }

    @Test
    void aLeadWindowOnLastContactIsRefused() throws Exception {
        Throwable e = startFailure("okki:lead/list?param.sort_field=order_time");
        assertTrue(e.getMessage().startsWith("okki:lead/list consumer: sort_field=order_time makes OKKI filter the"
                + " window on another time than the update time"), e.getMessage());
        assertTrue(e.getMessage().contains("It sends sort_field=update_time itself"), e.getMessage());
    }

    @Test
    void aDeletionTimeWindowOnLiveOrdersIsRefused() throws Exception {
        Throwable e = startFailure("okki:order/list?param.time_type=4");
        assertTrue(e.getMessage().startsWith("okki:order/list consumer: time_type=4 makes"), e.getMessage());
    }

    @Test
    void theUpdateTimeSelectorMayBeGivenExplicitly() throws Exception {
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("okki:company/list?param.time_type=1").routeId("company").autoStartup(false).to("mock:company");
                from("okki:lead/list?param.sort_field=update_time").routeId("lead").autoStartup(false).to("mock:lead");
            }
        });
        assertEquals(2, context.getRoutes().size());
        assertEquals(0, okki.getAllServeEvents().size());
    }
}
