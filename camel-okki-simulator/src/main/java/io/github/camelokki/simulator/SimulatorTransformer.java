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
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The WireMock extension that answers every request from the {@link OkkiModel}: WireMock only supplies the HTTP
 * server and the low level faults (connection reset, empty response, delays), a single catch-all stub routes
 * everything here. This and {@link OkkiSimulator} are the only classes that know WireMock.
 */
final class SimulatorTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "okki-simulator";

    private final OkkiModel model;
    private final Faults faults;
    private final Map<String, AtomicInteger> dataRequests = new ConcurrentHashMap<>();
    /** The parameters of the latest data requests per path, so a test can see what a client asked for. */
    private final Map<String, Deque<Map<String, String>>> recentParams = new ConcurrentHashMap<>();

    /** How many requests per path {@link #recentParams} keeps: enough for a few polls, bounded for long runs. */
    static final int RECENT_PER_PATH = 100;

    SimulatorTransformer(OkkiModel model, Faults faults) {
        this.model = model;
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
        SimRequest request = simRequest(serveEvent.getRequest());
        boolean tokenCall = OkkiModel.isTokenCall(request);
        if (tokenCall) {
            model.tokens().countRequest();
        } else {
            dataRequests.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
            remember(request);
        }
        Fault fault = faults.draw(request.path(), tokenCall);
        if (fault != null && !fault.afterHandling()) {
            return failBeforeHandling(fault);
        }
        SimResponse response = model.answer(request);
        if (fault == Fault.TRUNCATED_JSON) {
            String body = response.body();
            return answer(new SimResponse(response.status(), response.contentType(), body.substring(0,
                    body.length() / 2))).build();
        }
        ResponseDefinitionBuilder answer = answer(response);
        if (fault == Fault.SLOW) {
            answer.withFixedDelay((int) faults.slowDelay().toMillis());
        }
        return answer.build();
    }

    /** The model's view of a WireMock request; a multipart body's parts become form fields. */
    static SimRequest simRequest(Request request) {
        SimRequest parsed = SimRequest.of(request.getMethod().getName(), request.getUrl(),
                request.getHeader("Content-Type"), request.getHeader("Authorization"), request.getBodyAsString());
        if (!request.isMultipart()) {
            return parsed;
        }
        Map<String, String> parts = new LinkedHashMap<>();
        request.getParts().forEach(part -> parts.put(part.getName(), part.getBody().asString()));
        return parsed.withForm(parts);
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
            case HTTP_500 -> answer(SimResponse.httpFailure(500)).build();
            case HTTP_502_HTML -> answer(SimResponse.gatewayPage()).build();
            case HTTP_503 -> answer(SimResponse.httpFailure(503)).build();
            case HTTP_429 -> answer(SimResponse.httpFailure(429)).withHeader("Retry-After", "1").build();
            case ENVELOPE_500 -> answer(SimResponse.envelopeFailure(500, model.clock().nowText())).build();
            case ENVELOPE_MINUS_1 -> answer(SimResponse.envelopeFailure(-1, model.clock().nowText())).build();
            case CONNECTION_RESET -> aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER).build();
            case EMPTY_RESPONSE -> aResponse()
                    .withFault(com.github.tomakehurst.wiremock.http.Fault.EMPTY_RESPONSE).build();
            case TRUNCATED_JSON, SLOW -> throw new IllegalArgumentException(fault + " applies after handling");
        };
    }

    private static ResponseDefinitionBuilder answer(SimResponse response) {
        return aResponse().withStatus(response.status()).withHeader("Content-Type", response.contentType())
                .withBody(response.body());
    }
}
