package io.github.camelokki.examples.springboot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.camelokki.examples.springboot.OkkiTarget.MissingOkkiCredentialsException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.NestedExceptionUtils;

/**
 * Without a client id and secret the application does not start, and Spring Boot's failure report says what is
 * missing. The base URL is a closed loopback port and the first poll an hour away, so that nothing could reach OKKI
 * even if the check were gone.
 */
class OkkiTargetTest {

    private static final String BASE_URL = "http://127.0.0.1:9";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|''|camel.component.okki.client-id (OKKI_CLIENT_ID) and camel.component.okki.client-secret (OKKI_CLIENT_SECRET) are",
        "an-id|''|camel.component.okki.client-secret (OKKI_CLIENT_SECRET) is",
        "''|a-secret|camel.component.okki.client-id (OKKI_CLIENT_ID) is",
        "an-id|'  '|camel.component.okki.client-secret (OKKI_CLIENT_SECRET) is",
    })
    void noCredentialsNoStart(String clientId, String clientSecret, String missing) {
        // command-line arguments: above any OKKI_* variable of the environment the test runs in
        Exception failure = assertThrows(Exception.class, () -> new SpringApplicationBuilder(
                OkkiSpringBootApplication.class).run("--camel.component.okki.client-id=" + clientId,
                        "--camel.component.okki.client-secret=" + clientSecret,
                        "--camel.component.okki.base-url=" + BASE_URL, "--camel.main.run-controller=false",
                        "--okki.sample.initial-delay=3600000"));

        MissingOkkiCredentialsException cause = assertInstanceOf(MissingOkkiCredentialsException.class,
                NestedExceptionUtils.getMostSpecificCause(failure));
        String message = "No OKKI credentials: " + missing + " not set. This sample talks only to a real OKKI account"
                + " (OKKI has no sandbox), here " + BASE_URL + ", so it does not start without them.";
        assertEquals(message, cause.getMessage());

        FailureAnalysis analysis = new OkkiTargetFailureAnalyzer().analyze(failure);
        assertEquals(message, analysis.getDescription());
        assertEquals(OkkiTargetFailureAnalyzer.ACTION, analysis.getAction());
    }
}
