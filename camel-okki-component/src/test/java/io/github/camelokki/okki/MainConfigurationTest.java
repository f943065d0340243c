package io.github.camelokki.okki;

import java.util.Map;
import java.util.Properties;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.github.camelokki.okki.api.OkkiConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Users of Camel Main, Spring Boot and Quarkus configure the component with camel.component.okki.* properties only.
 */
class MainConfigurationTest {

    @RegisterExtension
    static WireMockExtension okki = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    @Test
    void componentIsConfiguredFromProperties() throws Exception {
        okki.stubFor(post(urlPathEqualTo(OkkiTestSupport.ACCESS_TOKEN_PATH))
                .willReturn(OkkiTestSupport.okJsonText(OkkiTestSupport.tokenAnswer("main-token", 28800))));
        okki.stubFor(get(urlPathEqualTo("/v1/user/info"))
                .willReturn(OkkiTestSupport.okJsonText(OkkiTestSupport.envelope(Map.of("user_id", 7)))));

        Properties props = new Properties();
        props.setProperty("camel.component.okki.base-url", okki.baseUrl());
        props.setProperty("camel.component.okki.client-id", "main-client");
        props.setProperty("camel.component.okki.client-secret", "main-secret");
        props.setProperty("camel.component.okki.grant-type", "password");
        props.setProperty("camel.component.okki.username", "sales@example.com");
        props.setProperty("camel.component.okki.password", "pa55");
        props.setProperty("camel.component.okki.response-timeout", "5s");
        props.setProperty("camel.component.okki.max-retries", "1");

        Main main = new Main();
        main.setOverrideProperties(props);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:user").to("okki:user/info");
            }
        });
        main.start();
        try {
            Object body = main.getCamelTemplate().requestBodyAndHeader("direct:user", null, OkkiConstants.ID, 7);
            assertEquals(Map.of("user_id", 7), body);
            OkkiConfiguration conf = main.getCamelContext().getComponent("okki", OkkiComponent.class).getConfiguration();
            assertEquals(5000, conf.getResponseTimeout());
            assertEquals(1, conf.getMaxRetries());
        } finally {
            main.stop();
        }
        okki.verify(postRequestedFor(urlPathEqualTo(OkkiTestSupport.ACCESS_TOKEN_PATH))
                .withRequestBody(containing("grant_type=password"))
                .withRequestBody(containing("client_id=main-client"))
                .withRequestBody(containing("username=sales%40example.com"))
                .withRequestBody(containing("scope=user")));
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/user/info")).withQueryParam("user_id", equalTo("7"))
                .withHeader("Authorization", equalTo("Bearer main-token")));
    }
}
