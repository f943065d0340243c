package io.github.camelokki.benchmarks;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.model.dataformat.JsonLibrary;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * What the benchmarks share: the three ways of fetching one company, each set up as a careful user would.
 */
public final class Fixtures {

    public static final String COMPANY_ID = "3100000001";
    public static final String CLIENT_ID = "bench-client";
    public static final String CLIENT_SECRET = "bench-secret";
    /** Every variant may keep this many connections; the component's default pool size. */
    public static final int POOL_SIZE = 20;

    private Fixtures() {
    }

    /** A context whose okki component talks to the stub, as a client the stub knows. */
    public static CamelContext okkiContext(LoopbackOkki stub) {
        stub.model().client(CLIENT_ID, CLIENT_SECRET);
        CamelContext context = new DefaultCamelContext();
        OkkiComponent component = new OkkiComponent();
        OkkiConfiguration conf = component.getConfiguration();
        conf.setBaseUrl(stub.baseUrl());
        conf.setClientId(CLIENT_ID);
        conf.setClientSecret(CLIENT_SECRET);
        conf.setMaxConnections(POOL_SIZE);
        context.addComponent("okki", component);
        return context;
    }

    public static String okkiInfoUri() {
        return "okki:company/info?param.company_id=" + COMPANY_ID;
    }

    /**
     * The hand-written camel-http route doing what okki:company/info does once it has a token: GET with the bearer
     * header, parse the JSON, check the envelope, keep the data.
     */
    public static RouteBuilder camelHttpRoute(LoopbackOkki stub) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:camelHttp")
                        .setHeader(HttpHeaders.AUTHORIZATION, constant(bearer(stub)))
                        .setHeader(HttpHeaders.ACCEPT, constant("application/json"))
                        .to(stub.baseUrl() + "/v1/company/info?company_id=" + COMPANY_ID
                                + "&maxTotalConnections=" + POOL_SIZE + "&connectionsPerRoute=" + POOL_SIZE)
                        .unmarshal().json(JsonLibrary.Jackson, Map.class)
                        .process(Fixtures::keepData);
            }
        };
    }

    /**
     * The Authorization header of a hand-written client: a token the stub issued for all scopes, obtained once
     * beforehand, since the baselines measure calls, not logins.
     */
    static String bearer(LoopbackOkki stub) {
        return "Bearer " + stub.model().issueToken();
    }

    private static void keepData(Exchange exchange) {
        Map<?, ?> envelope = exchange.getMessage().getBody(Map.class);
        Object code = envelope.get("code");
        if (!(code instanceof Number n) || n.intValue() != 200) {
            throw new IllegalStateException("OKKI refused: " + envelope.get("message"));
        }
        exchange.getMessage().setBody(envelope.get("data"));
    }

    /** The plain baseline: a pooled HttpClient 5 and one Jackson mapper. */
    public static final class PlainClient implements AutoCloseable {
        private final CloseableHttpClient client;
        private final ObjectMapper mapper = new ObjectMapper();
        private final String uri;
        private final String bearer;

        public PlainClient(LoopbackOkki stub) {
            bearer = bearer(stub);
            client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setMaxConnTotal(POOL_SIZE).setMaxConnPerRoute(POOL_SIZE).build())
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .build();
            uri = stub.baseUrl() + "/v1/company/info?company_id=" + COMPANY_ID;
        }

        /** GET, parse, check the envelope, return the data. */
        public Object companyInfo() throws Exception {
            HttpGet get = new HttpGet(uri);
            get.setHeader(HttpHeaders.AUTHORIZATION, bearer);
            get.setHeader(HttpHeaders.ACCEPT, "application/json");
            Map<?, ?> envelope = client.execute(get, response -> mapper.readValue(response.getEntity().getContent(),
                    Map.class));
            Object code = envelope.get("code");
            if (!(code instanceof Number n) || n.intValue() != 200) {
                throw new IllegalStateException("OKKI refused: " + envelope.get("message"));
            }
            return envelope.get("data");
        }

        @Override
        public void close() throws Exception {
            client.close();
        }
    }
}
