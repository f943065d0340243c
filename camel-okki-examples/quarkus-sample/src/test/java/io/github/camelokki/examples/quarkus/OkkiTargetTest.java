package io.github.camelokki.examples.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which OKKI the application would talk to, and its refusal without credentials (no Quarkus started). */
class OkkiTargetTest {

    private static Optional<String> value(String s) {
        return Optional.ofNullable(s);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|||camel.component.okki.client-id (OKKI_CLIENT_ID) and camel.component.okki.client-secret (OKKI_CLIENT_SECRET) are|https://api-sandbox.xiaoman.cn",
        "an-id||http://127.0.0.1:9|camel.component.okki.client-secret (OKKI_CLIENT_SECRET) is|http://127.0.0.1:9",
        "'  '|a-secret||camel.component.okki.client-id (OKKI_CLIENT_ID) is|https://api-sandbox.xiaoman.cn",
    })
    void noCredentialsNoStart(String clientId, String clientSecret, String baseUrl, String missing, String target) {
        OkkiTarget okki = new OkkiTarget(value(clientId), value(clientSecret), value(baseUrl));
        assertEquals("No OKKI credentials: " + missing + " not set. This sample talks only to a real OKKI account"
                + " (OKKI has no sandbox), here " + target + ", so it does not start without them. Set"
                + " OKKI_CLIENT_ID and OKKI_CLIENT_SECRET (and OKKI_BASE_URL only for another host than OKKI's).",
                assertThrows(IllegalStateException.class, okki::describe).getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "|https://api-sandbox.xiaoman.cn (OKKI's one host, which is production)",
        "http://127.0.0.1:8089|http://127.0.0.1:8089 (from camel.component.okki.base-url / OKKI_BASE_URL)",
    })
    void theTargetIsNamed(String baseUrl, String target) {
        assertEquals("OKKI target: " + target + ", with the client id and secret given",
                new OkkiTarget(value("an-id"), value("a-secret"), value(baseUrl)).describe());
    }
}
