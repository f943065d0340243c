package io.github.camelokki.okki;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelokki.okki.internal.json.OkkiJson;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A Camel context whose okki component talks to a WireMock stand-in for OKKI, with fast retries.
 */
public abstract class OkkiTestSupport extends CamelTestSupport {

    public static final String CLIENT_ID = "test-client-id";
    public static final String CLIENT_SECRET = "client-secret-value-9f8e";
    public static final String TOKEN = "access-token-value-1a2b";
    public static final String REFRESH_TOKEN = "refresh-token-value-3c4d";
    public static final String ACCESS_TOKEN_PATH = "/v1/oauth2/access_token";
    public static final String REFRESH_TOKEN_PATH = "/v1/oauth2/refresh_token";
    public static final String NOW = "2026-11-25 10:00:00";

    @RegisterExtension
    protected static WireMockExtension okki = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort())
            .build();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        OkkiComponent component = new OkkiComponent();
        OkkiConfiguration conf = component.getConfiguration();
        conf.setBaseUrl(okki.baseUrl());
        conf.setClientId(CLIENT_ID);
        conf.setClientSecret(CLIENT_SECRET);
        conf.setRetryDelay(5);
        conf.setRetryMaxDelay(50);
        configure(component);
        context.addComponent("okki", component);
        return context;
    }

    /** Adjusts the component before the context starts. */
    protected void configure(OkkiComponent component) {
    }

    protected OkkiComponent okkiComponent() {
        return context.getComponent("okki", OkkiComponent.class);
    }

    /** OKKI's token endpoint answering with {@link #TOKEN}, valid for 8 hours. */
    protected static void stubToken() {
        stubToken(TOKEN, 28800);
    }

    protected static void stubToken(String token, long expiresIn) {
        okki.stubFor(post(urlPathEqualTo(ACCESS_TOKEN_PATH)).willReturn(okJsonText(tokenAnswer(token, expiresIn))));
    }

    protected static String tokenAnswer(String token, long expiresIn) {
        return json(Map.of("token_type", "Bearer", "expires_in", expiresIn, "access_token", token,
                "refresh_token", REFRESH_TOKEN));
    }

    /** A success envelope around the data. */
    public static String envelope(Object data) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("code", 200);
        env.put("message", "success");
        env.put("now", NOW);
        env.put("data", data);
        return json(env);
    }

    /** An error envelope, as OKKI sends it with HTTP 200. */
    public static String errorEnvelope(int code, String message) {
        return errorEnvelope(code, message, NOW);
    }

    /** An error envelope with the given server time. */
    public static String errorEnvelope(int code, String message, String now) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("code", code);
        env.put("message", message);
        env.put("now", now);
        env.put("data", null);
        return json(env);
    }

    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder okJsonText(String json) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(json);
    }

    public static String json(Object value) {
        try {
            return OkkiJson.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void stub(MappingBuilder mapping) {
        okki.stubFor(mapping);
    }

    protected static WireMock wireMock() {
        return okki.getRuntimeInfo().getWireMock();
    }

    /** The deepest cause of the failure to add and start a route from the URI (the start must fail). */
    protected Throwable startFailure(String uri) {
        Exception e = assertThrows(Exception.class, () -> context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri).routeId("refused").to("mock:refused");
            }
        }));
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

}
