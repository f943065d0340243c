package io.github.camelokki.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The WireMock extension that answers every request from the simulator's state: WireMock only supplies the HTTP
 * server and the low level faults (connection reset, empty response, delays), a single catch-all stub routes
 * everything here.
 */
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "okki-simulator";

    private static final String GATEWAY_PAGE = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private final SimClock clock;
    private final OkkiApi api;
    private final Tokens tokens;
    private final Faults faults;
    private final Map<String, AtomicInteger> dataRequests = new ConcurrentHashMap<>();
    /** The parameters of the latest data requests per path, so a test can see what a client asked for. */
    private final Map<String, Deque<Map<String, String>>> recentParams = new ConcurrentHashMap<>();

    /** How many requests per path {@link #recentParams} keeps: enough for a few polls, bounded for long runs. */
    static final int RECENT_PER_PATH = 100;

    SimulatorTransformer(SimClock clock, OkkiApi api, Tokens tokens, Faults faults) {
        this.clock = clock;
        this.api = api;
        this.tokens = tokens;
        this.faults = faults;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return true;
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        SimRequest request = SimRequest.from(serveEvent.getRequest());
        boolean tokenCall = OkkiApi.isTokenCall(request);
        if (tokenCall) {
            tokens.countRequest();
        } else {
            dataRequests.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
            remember(request);
        }
        Fault fault = faults.draw(request.path(), tokenCall);
        if (fault != null && !fault.afterHandling()) {
            return failBeforeHandling(fault);
        }
        SimResponse response;
        try {
            response = api.handle(request);
        } catch (RuntimeException bug) {
            // a simulator bug should read as one, not as a WireMock stub mismatch
            response = SimResponse.json(500, Map.of("message", "simulator error: " + bug));
        }
        ResponseDefinitionBuilder answer = json(response.status(), response.body());
        if (fault == Fault.TRUNCATED_JSON) {
            answer = json(response.status(), response.body().substring(0, response.body().length() / 2));
        } else if (fault == Fault.SLOW) {
            answer.withFixedDelay((int) faults.slowDelay().toMillis());
        }
        return answer.build();
    }

    int requestCount(String path) {
        AtomicInteger count = dataRequests.get(path);
        return count == null ? 0 : count.get();
    }

    int requestCount() {
        return dataRequests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    void resetCounters() {
        dataRequests.clear();
        recentParams.clear();
    }

    private void remember(SimRequest request) {
        Map<String, String> params = new LinkedHashMap<>(request.form());
        params.putAll(request.query());
        Deque<Map<String, String>> recent = recentParams.computeIfAbsent(request.path(), p -> new ArrayDeque<>());
        synchronized (recent) {
            if (recent.size() == RECENT_PER_PATH) {
                recent.removeFirst();
            }
            recent.addLast(Map.copyOf(params));
        }
    }

    List<Map<String, String>> recentParams(String path) {
        Deque<Map<String, String>> recent = recentParams.get(path);
        if (recent == null) {
            return List.of();
        }
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    private ResponseDefinition failBeforeHandling(Fault fault) {
        return switch (fault) {
            case HTTP_500 -> json(500, "{\"message\":\"Server Error\"}").build();
            case HTTP_502_HTML -> aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                    .withBody(GATEWAY_PAGE).build();
            case HTTP_503 -> json(503, "{\"message\":\"Service Unavailable\"}").build();
            case HTTP_429 -> json(429, "{\"message\":\"Too Many Attempts.\"}").withHeader("Retry-After", "1").build();
            case ENVELOPE_500 -> envelope(500);
            case ENVELOPE_MINUS_1 -> envelope(-1);
            case CONNECTION_RESET -> aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_RESPONSE -> aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE).build();
            case TRUNCATED_JSON, SLOW -> throw new IllegalArgumentException(fault + " applies after handling");
        };
    }

    /** HTTP 200 with an error envelope, the way OKKI reports most failures. */
    private ResponseDefinition envelope(int code) {
        return json(200, SimResponse.error(200, code, "Server error", clock.nowText()).body()).build();
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=utf-8")
                .withBody(body);
    }
}
