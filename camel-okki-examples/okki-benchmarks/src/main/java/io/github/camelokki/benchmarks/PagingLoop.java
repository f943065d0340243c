package io.github.camelokki.benchmarks;

import java.io.InputStream;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.camelokki.simulator.loopback.LoopbackOkki;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpHeaders;

/**
 * The hand-written baseline for reading every record of company/list: a loop over {@code start_index} with a pooled
 * HttpClient 5 and Jackson, one page in memory at a time, stopping when the records seen reach {@code totalItem}.
 * {@link ConsumerRun}, {@link BackfillRun} and {@link PagingBenchmark} compare against it.
 */
public final class PagingLoop implements AutoCloseable {

    private final CloseableHttpClient client = HttpClients.custom()
            .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create().setMaxConnTotal(4)
                    .setMaxConnPerRoute(4).build())
            .disableAutomaticRetries().disableCookieManagement().build();
    private final ObjectMapper mapper = new ObjectMapper();
    private final String listUri;
    private final String bearer;

    public PagingLoop(LoopbackOkki stub) {
        this.bearer = Fixtures.bearer(stub);
        this.listUri = stub.baseUrl() + "/v1/company/list?count=";
    }

    /** Hands every record (as a Map) to the sink; returns how many there were. */
    public long readAll(int pageSize, Consumer<Object> sink) throws Exception {
        long seen = 0;
        long total = Long.MAX_VALUE;
        for (int page = 1; seen < total; page++) {
            long[] pageResult = fetch(pageSize, page, sink);
            if (pageResult[0] == 0) {
                break;
            }
            seen += pageResult[0];
            total = pageResult[1];
        }
        return seen;
    }

    /** Reads one page, handing its records to the sink; returns how many there were. */
    public long readPage(int pageSize, int page, Consumer<Object> sink) throws Exception {
        return fetch(pageSize, page, sink)[0];
    }

    private long[] fetch(int pageSize, int page, Consumer<Object> sink) throws Exception {
        HttpGet get = new HttpGet(listUri + pageSize + "&start_index=" + page);
        get.setHeader(HttpHeaders.AUTHORIZATION, bearer);
        get.setHeader(HttpHeaders.ACCEPT, "application/json");
        return client.execute(get, response -> {
            try (InputStream in = response.getEntity().getContent()) {
                return readPage(in, sink);
            }
        });
    }

    /** Streams one page: each record of data.list becomes a Map for the sink; returns {records, totalItem}. */
    private long[] readPage(InputStream in, Consumer<Object> sink) throws java.io.IOException {
        long records = 0;
        long total = Long.MAX_VALUE;
        try (JsonParser p = mapper.createParser(in)) {
            int depth = 0;
            boolean inData = false;
            String field = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> depth++;
                    case END_OBJECT -> depth--;
                    case FIELD_NAME -> {
                        field = p.currentName();
                        if (depth == 1) {
                            inData = "data".equals(field);
                        }
                    }
                    case START_ARRAY -> {
                        if (inData && depth == 2 && "list".equals(field)) {
                            while (p.nextToken() == JsonToken.START_OBJECT) {
                                sink.accept(mapper.readValue(p, java.util.Map.class));
                                records++;
                            }
                        } else {
                            p.skipChildren();
                        }
                    }
                    case VALUE_NUMBER_INT -> {
                        if (inData && depth == 2 && "totalItem".equals(field)) {
                            total = p.getLongValue();
                        } else if (depth == 1 && "code".equals(field) && p.getIntValue() != 200) {
                            throw new IllegalStateException("OKKI refused the page: code " + p.getIntValue());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        return new long[] { records, total };
    }

    @Override
    public void close() throws Exception {
        client.close();
    }
}
