package io.github.camelokki.okki;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ProducerTest extends OkkiTestSupport {

    @Test
    void companyInfoReturnsDataAndServerTime() {
        stubToken();
        stub(get(urlPathEqualTo("/v1/company/info"))
                .willReturn(okJsonText(envelope(Map.of("company_id", 42, "name", "ACME", "10023", "custom")))));

        Exchange result = template.request("okki:company/info?param.company_id=42", e -> { });

        Map<?, ?> body = assertInstanceOf(Map.class, result.getMessage().getBody());
        assertEquals(42, body.get("company_id"));
        assertEquals("custom", body.get("10023"));
        assertEquals(NOW, result.getMessage().getHeader(OkkiConstants.SERVER_TIME));
        assertEquals("company/info", result.getMessage().getHeader(OkkiConstants.OPERATION));
        okki.verify(getRequestedFor(urlPathEqualTo("/v1/company/info"))
                .withQueryParam("company_id", equalTo("42"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    }

    @Test
    void allPagesWalksEveryPage() {
        stubToken();
        for (int page = 1; page <= 3; page++) {
            List<Map<String, Object>> records = page < 3
                    ? List.of(Map.of("company_id", page * 10 + 1), Map.of("company_id", page * 10 + 2))
                    : List.of(Map.of("company_id", 31));
            stub(get(urlPathEqualTo("/v1/company/list")).withQueryParam("start_index", equalTo(String.valueOf(page)))
                    .willReturn(okJsonText(envelope(Map.of("list", records, "totalItem", 5, "count", 2)))));
        }

        Exchange result = template.request("okki:company/list?allPages=true&pageSize=2", e -> { });

        Iterator<?> it = assertInstanceOf(Iterator.class, result.getMessage().getBody());
        okki.verify(1, getRequestedFor(urlPathEqualTo("/v1/company/list")));
        List<Object> ids = new java.util.ArrayList<>();
        it.forEachRemaining(r -> ids.add(((Map<?, ?>) r).get("company_id")));
        assertEquals(List.of(11, 12, 21, 22, 31), ids);
        assertEquals(5L, result.getMessage().getHeader(OkkiConstants.TOTAL));
        okki.verify(3, getRequestedFor(urlPathEqualTo("/v1/company/list")).withQueryParam("count", equalTo("2")));
    }
}
