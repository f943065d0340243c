package io.github.camelokki.okki.internal.transport;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.okki.api.OkkiConnectionException;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests over one pooled, keep-alive Apache HttpClient and retries what the {@link RetryPolicy} allows.
 * <p>
 * HttpClient's own retry handler is switched off: retries happen here, where the policy knows which methods are safe
 * to repeat and honours Retry-After.
 */
public final class HttpTransport implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpTransport.class);
    private static final byte[] EMPTY = new byte[0];
    private static final String USER_AGENT = "camel-okki";
    /** OKKI's "too many requests", as an HTTP status or an envelope code. */
    public static final int RATE_LIMITED = 429;

    private final CloseableHttpClient client;
    private final boolean owned;
    private final Map<Duration, RequestConfig> requestConfigs = new ConcurrentHashMap<>();
    /** System.nanoTime() before which no request is sent: set by a 429 (see slowEveryone). */
    private final AtomicLong pausedUntil = new AtomicLong(System.nanoTime());

    private HttpTransport(CloseableHttpClient client, boolean owned) {
        this.client = client;
        this.owned = owned;
    }

    /** A transport over a new pooled client, closed with the transport. */
    public static HttpTransport create(TransportSettings settings) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .build();
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(pool)
                .disableAutomaticRetries()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent(USER_AGENT);
        if (settings.proxyHost() != null) {
            HttpHost proxy = new HttpHost(settings.proxyHost(), settings.proxyPort());
            builder.setProxy(proxy);
            if (settings.proxyUsername() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                String password = settings.proxyPassword() == null ? "" : settings.proxyPassword();
                credentials.setCredentials(new AuthScope(proxy),
                        new UsernamePasswordCredentials(settings.proxyUsername(), password.toCharArray()));
                builder.setDefaultCredentialsProvider(credentials);
            }
        }
        return new HttpTransport(builder.build(), true);
    }

    /** A transport over the user's own client, which the user keeps and closes. */
    public static HttpTransport wrap(CloseableHttpClient client) {
        return new HttpTransport(client, false);
    }

    /**
     * Sends the request, retrying as the policy allows.
     *
     * @return the last answer, whatever its status
     * @throws OkkiConnectionException when no answer came even after retries
     */
    public HttpResponseData send(HttpRequestSpec request, RetryPolicy retry, Duration responseTimeout) {
        return send(request, retry, responseTimeout, 0);
    }

    /**
     * Sends the request as a further attempt of one call that has already used {@code retriesSoFar} retries (e.g.
     * after an answer the caller found transient), so the call as a whole stays within the policy.
     *
     * @return the last answer, whatever its status; its {@code attempts} count the earlier ones too
     * @throws OkkiConnectionException when no answer came even after retries
     */
    public HttpResponseData send(HttpRequestSpec request, RetryPolicy retry, Duration responseTimeout,
            int retriesSoFar) {
        int retries = retriesSoFar;
        while (true) {
            try {
                awaitRateLimit(request);
                HttpResponseData response = execute(request, responseTimeout);
                Duration delay = retry.delay(retries + 1, response.retryAfter(), Instant.now());
                if (response.status() == RATE_LIMITED) {
                    // also when this call gives up: the other callers must still wait
                    slowEveryone(delay);
                }
                if (!RetryPolicy.retryableStatus(response.status()) || !retry.allows(request.method(), retries)) {
                    return response.afterAttempts(retries + 1);
                }
                retries++;
                pause(request, "HTTP " + response.status(), retry, retries, delay);
            } catch (IOException e) {
                if (!retry.allows(request.method(), retries)) {
                    throw new OkkiConnectionException(request.describe() + " failed"
                            + (retries > 0 ? " after " + (retries + 1) + " attempts" : "") + ": " + e
                            + (request.method().safe() || retry.retryWrites() ? ""
                                    : " (writes are not retried unless retryWrites=true)"), e);
                }
                retries++;
                pause(request, e.toString(), retry, retries, retry.delay(retries, null, Instant.now()));
            }
        }
    }

    private HttpResponseData execute(HttpRequestSpec spec, Duration responseTimeout) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(spec.method().name(), spec.uri());
        request.setConfig(requestConfig(responseTimeout));
        request.setHeader(HttpHeaders.ACCEPT, "application/json");
        if (spec.authorization() != null) {
            request.setHeader(HttpHeaders.AUTHORIZATION, spec.authorization());
        }
        if (spec.body() != null) {
            // The header is set as built (a multipart boundary must survive untouched), not re-parsed into a ContentType.
            request.setHeader(HttpHeaders.CONTENT_TYPE, spec.contentType());
            request.setEntity(new ByteArrayEntity(spec.body(), null));
        }
        return client.execute(request, response -> {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? EMPTY : EntityUtils.toByteArray(entity);
            return new HttpResponseData(response.getCode(), headerValue(response.getFirstHeader(HttpHeaders.CONTENT_TYPE)),
                    headerValue(response.getFirstHeader(HttpHeaders.RETRY_AFTER)), body, 1);
        });
    }

    /** The config for a response timeout; endpoints use one or two timeouts, so each is built once. */
    private RequestConfig requestConfig(Duration responseTimeout) {
        return requestConfigs.computeIfAbsent(responseTimeout,
                t -> RequestConfig.custom().setResponseTimeout(Timeout.of(t)).build());
    }

    private static String headerValue(Header header) {
        return header == null ? null : header.getValue();
    }

    /**
     * Waits before retry number {@code retryNumber} of a call whose answer the caller found transient; a rate limit
     * reported in the envelope (code 429) slows every caller of this client, as an HTTP 429 does.
     */
    public void backOff(HttpRequestSpec request, String cause, RetryPolicy retry, int retryNumber, boolean rateLimited) {
        Duration delay = retry.delay(retryNumber, null, Instant.now());
        if (rateLimited) {
            slowEveryone(delay);
        }
        pause(request, cause, retry, retryNumber, delay);
    }

    /**
     * After a 429, no request leaves through this client (every endpoint and read-ahead thread sharing its pool)
     * before the wait the answer asked for is over: concurrent callers would otherwise each run into the limit.
     */
    private void slowEveryone(Duration delay) {
        pausedUntil.accumulateAndGet(System.nanoTime() + delay.toNanos(), Math::max);
    }

    private void awaitRateLimit(HttpRequestSpec request) {
        long wait = pausedUntil.get() - System.nanoTime();
        if (wait > 0) {
            LOG.debug("{} waits {} ms: OKKI asked this client to slow down", request.describe(), wait / 1_000_000);
            sleep(request, Duration.ofNanos(wait));
        }
    }

    private static void pause(HttpRequestSpec request, String cause, RetryPolicy retry, int retryNumber, Duration delay) {
        LOG.debug("Retry {} of {} for {} in {} ms after {}", retryNumber, retry.maxRetries(), request.describe(),
                delay.toMillis(), cause);
        sleep(request, delay);
    }

    private static void sleep(HttpRequestSpec request, Duration delay) {
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OkkiConnectionException("Interrupted while waiting to retry " + request.describe(), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (owned) {
            client.close();
        }
    }
}
