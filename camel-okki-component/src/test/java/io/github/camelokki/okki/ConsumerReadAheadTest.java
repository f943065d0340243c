package io.github.camelokki.okki;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * readAhead: the next page (readAheadPages of them) is requested while the records of the current one are still
 * routed, and nothing about what is delivered changes; with readAhead=false each page is requested only when the one
 * before is done.
 */
class ConsumerReadAheadTest extends OkkiTestSupport {

    private static final String LIST = "/v1/company/list";
    private static final String READ_AHEAD_THREAD = "OkkiReadAhead";

    /** For each record: how many requests for page 2 OKKI had received when the route got it. */
    private final List<Integer> page2RequestsSeen = new CopyOnWriteArrayList<>();
    private final List<Integer> page3RequestsSeen = new CopyOnWriteArrayList<>();
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
                        .getHeader(OkkiConstants.RECORD_ID), 2));
                from(uri + "&readAhead=false").routeId("inTurn").autoStartup(false)
                        .process(e -> route(e.getMessage().getHeader(OkkiConstants.RECORD_ID), 0));
                from(uri + "&readAheadPages=2").routeId("overlapped").autoStartup(false)
                        .process(e -> route(e.getMessage().getHeader(OkkiConstants.RECORD_ID), 3));
            }
        };
    }

    /**
     * Notes what each record saw. With read-ahead, the first record waits for OKKI to be asked for the given page
     * (bounded: the assertion on what it saw fails if it never is). Without (0), nothing could ask for page 2 while a
     * record of page 1 is routed: the consumer's one thread is in the route, and no read-ahead thread exists.
     */
    private void route(Object id, int awaitPage) throws InterruptedException {
        if (awaitPage > 0 && Integer.valueOf(1).equals(id)) {
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Waiting.PATIENCE_MILLIS);
            while (pageRequests(awaitPage) == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }
        page2RequestsSeen.add(page2Requests());
        page3RequestsSeen.add(pageRequests(3));
        readAheadThreadsSeen.add(readAheadThreads());
        delivered.add(id);
    }

    private static int page2Requests() {
        return pageRequests(2);
    }

    private static int pageRequests(int page) {
        return okki.findAll(getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("start_index",
                equalTo(String.valueOf(page)))).size();
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
    void withTwoPagesAheadBothFollowingPagesAreRequestedWhileTheFirstIsRouted() throws Exception {
        stubThreePages();
        context.getRouteController().startRoute("overlapped");
        Waiting.until("five records", Waiting.PATIENCE_MILLIS, () -> delivered.size() == 5);

        assertEquals(List.of(1, 2, 3, 4, 5), delivered, "records still arrive in order");
        assertEquals(1, page3RequestsSeen.get(0), "page 3 is requested while record 1 of page 1 is in the route");
        assertEquals(List.of(1, 1, 1, 1, 1), page2RequestsSeen, "each page is requested once");
        assertEquals(List.of(1, 1, 1, 1, 1), page3RequestsSeen, "each page is requested once");
        okki.verify(0, getRequestedFor(urlPathEqualTo(LIST)).withQueryParam("start_index", equalTo("4")));
        assertEquals(2, readAheadThreads(), "two read-ahead threads for the consumer");

        context.getRouteController().stopRoute("overlapped");
        Waiting.until("the read-ahead threads to end", Waiting.PATIENCE_MILLIS, () -> readAheadThreads() == 0);
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
