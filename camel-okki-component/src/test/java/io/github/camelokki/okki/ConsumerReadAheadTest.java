package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * readAhead: the next page is requested while the records of the current one are still routed, and nothing about
 * what is delivered changes; with readAhead=false each page is requested only when the one before is done.
 */
class ConsumerReadAheadTest extends OkkiTestSupport {

    private static final String LIST = "/v1/company/list";
    private static final String READ_AHEAD_THREAD = "OkkiReadAhead";

    /** For each record: how many requests for page 2 OKKI had received when the route got it. */
    private final List<Integer> page2RequestsSeen = new CopyOnWriteArrayList<>();
    /** For each record: how many read-ahead threads were alive when the route got it. */
    private final List<Long> readAheadThreadsSeen = new CopyOnWriteArrayList<>();
    private final List<Object> delivered = new CopyOnWriteArrayList<>();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String uri = "okki:company/list?pageSize=2&delay=3600000&initialDelay=0";
                from(uri).routeId("ahead").autoStartup(false).process(e -> route(e.getMessage()
                        .getHeader(OkkiConstants.RECORD_ID), true));
                from(uri + "&readAhead=false").routeId("inTurn").autoStartup(false)
                        .process(e -> route(e.getMessage().getHeader(OkkiConstants.RECORD_ID), false));
            }
        };
    }

    /**
     * Notes what each record saw. With read-ahead, the first record waits for OKKI to be asked for page 2 (bounded:
     * the assertion on what it saw fails if it never is). Without, nothing could ask for page 2 while a record of
     * page 1 is routed: the consumer's one thread is in the route, and no read-ahead thread exists.
     */
    private void route(Object id, boolean awaitPage2) throws InterruptedException {
        if (awaitPage2 && Integer.valueOf(1).equals(id)) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Waiting.PATIENCE_MILLIS);
            while (page2Requests() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        page2RequestsSeen.add(page2Requests());
        readAheadThreadsSeen.add(readAheadThreads());
        delivered.add(id);
    }

    private static int page2Requests() {
        return okki.findAll(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("start_index", equalTo("2"))).size();
    }

    private static void stubThreePages() {
        stubToken();
        for (int page = 1; page <= 3; page++) {
            List<Map<String, Object>> records = page < 3
                    ? List.of(record(2 * page - 1), record(2 * page))
                    : List.of(record(5));
            stub(get(urlPathEqualTo(LIST)).withQueryParam("start_index", equalTo(String.valueOf(page)))
                    .willReturn(okJsonText(envelope(Map.of("totalItem", 5, "list", records)))));
        }
    }

    private static Map<String, Object> record(int id) {
        return Map.of("company_id", id, "update_time", "2026-11-25 09:00:0" + id);
    }

    @Test
    void requestsTheNextPageWhileTheCurrentOneIsRouted() throws Exception {
        stubThreePages();
        context.getRouteController().startRoute("ahead");
        Waiting.until("five records", Waiting.PATIENCE_MILLIS, () -> delivered.size() == 5);

        assertEquals(List.of(1, 2, 3, 4, 5), delivered);
        assertEquals(1, page2RequestsSeen.get(0), "page 2 is requested while record 1 of page 1 is in the route");
        assertEquals(List.of(1, 1, 1, 1, 1), page2RequestsSeen, "each page is requested once");
        okki.verify(1, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("start_index", equalTo("3")));
        assertEquals(1, readAheadThreads(), "one read-ahead thread for the consumer");

        context.getRouteController().stopRoute("ahead");
        Waiting.until("the read-ahead thread to end", Waiting.PATIENCE_MILLIS, () -> readAheadThreads() == 0);
    }

    @Test
    void withoutReadAheadRequestsEachPageWhenTheOneBeforeIsDone() throws Exception {
        stubThreePages();
        context.getRouteController().startRoute("inTurn");
        Waiting.until("five records", Waiting.PATIENCE_MILLIS, () -> delivered.size() == 5);

        assertEquals(List.of(1, 2, 3, 4, 5), delivered);
        assertEquals(List.of(0, 0, 1, 1, 1), page2RequestsSeen, "page 2 is requested once page 1 is routed");
        assertEquals(List.of(0L, 0L, 0L, 0L, 0L), readAheadThreadsSeen, "no read-ahead thread while routing");
        assertEquals(0, readAheadThreads());
    }

    private static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().contains(READ_AHEAD_THREAD)).count();
    }
}
