package io.github.camelokki.okki.springboot;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import io.github.camelokki.okki.OkkiComponent;
import io.github.camelokki.okki.OkkiConfiguration;
import io.github.camelokki.okki.api.OkkiConnectionException;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The four secret options reach the component, and none of them shows in the log (DEBUG for Camel and Spring Boot's
 * property binding, TRACE for the component), in a failure's messages or in the starter's properties bean, from the
 * application's start to a failed call that used them all.
 * <p>
 * A plain SpringApplication rather than {@code @SpringBootTest}: the test framework's own events, which Camel logs at
 * DEBUG, would show the test's inline properties.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNotLoggedTest {

    private static final String CLIENT_SECRET = "client-s3cr3t-1d7f";
    private static final String PASSWORD = "user-s3cr3t-92ab";
    private static final String PROXY_PASSWORD = "proxy-s3cr3t-5c0e";
    private static final String SECURITY_CONFIG = "webhook-s3cr3t-7e41";
    private static final List<String> SECRETS = List.of(CLIENT_SECRET, PASSWORD, PROXY_PASSWORD, SECURITY_CONFIG);
    private static final List<String> VERBOSE = List.of("io.github.camelokki", "org.apache.camel",
            "org.springframework.boot.context");

    @AfterEach
    void quietAgain() {
        // the levels outlive the application: give the test classes that run next their normal log
        LoggingSystem loggingSystem = LoggingSystem.get(getClass().getClassLoader());
        VERBOSE.forEach(logger -> loggingSystem.setLogLevel(logger, null));
    }

    @Test
    void secretsAreUsedButNeverShown(CapturedOutput output) {
        try (ConfigurableApplicationContext application = new SpringApplicationBuilder(Application.class).properties(
                "camel.component.okki.client-id=the-client",
                "camel.component.okki.client-secret=" + CLIENT_SECRET,
                "camel.component.okki.grant-type=password",
                "camel.component.okki.username=someone@example.com",
                "camel.component.okki.password=" + PASSWORD,
                // nothing listens on the proxy: the token request fails at once
                "camel.component.okki.base-url=http://okki.test",
                "camel.component.okki.proxy-host=127.0.0.1",
                "camel.component.okki.proxy-port=1",
                "camel.component.okki.proxy-username=proxy-user",
                "camel.component.okki.proxy-password=" + PROXY_PASSWORD,
                "camel.component.okki.max-retries=0",
                "camel.component.okki.security-config=" + SECURITY_CONFIG,
                "logging.level." + VERBOSE.get(0) + "=TRACE",
                "logging.level." + VERBOSE.get(1) + "=DEBUG",
                "logging.level." + VERBOSE.get(2) + "=DEBUG").run()) {
            CamelContext camelContext = application.getBean(CamelContext.class);
            OkkiComponent component = camelContext.getComponent("okki", OkkiComponent.class);
            OkkiConfiguration configuration = component.getConfiguration();
            assertThat(List.of(configuration.getClientSecret(), configuration.getPassword(),
                    configuration.getProxyPassword(), component.getSecurityConfig())).isEqualTo(SECRETS);

            CamelExecutionException failure = assertThrows(CamelExecutionException.class,
                    () -> camelContext.createProducerTemplate().requestBody("okki:company/list", (Object) null));
            assertThat(failure).hasCauseInstanceOf(OkkiConnectionException.class);
            StringWriter stackTrace = new StringWriter();
            failure.printStackTrace(new PrintWriter(stackTrace));
            String properties = application.getBean(OkkiComponentConfiguration.class).toString();

            assertThat(output.getAll()).as("the log was captured").contains("Creating a pooled HTTP client for OKKI");
            for (String secret : SECRETS) {
                assertThat(output.getAll()).doesNotContain(secret);
                assertThat(stackTrace.toString()).doesNotContain(secret);
                assertThat(properties).doesNotContain(secret);
                assertThat(configuration.toString()).doesNotContain(secret);
            }
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Application {
    }
}
