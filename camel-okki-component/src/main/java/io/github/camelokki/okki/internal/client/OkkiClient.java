package io.github.camelokki.okki.internal.client;

import java.time.Duration;
import java.util.Map;

import io.github.camelokki.okki.api.OkkiApiException;
import io.github.camelokki.okki.api.OkkiInvalidRequestException;
import io.github.camelokki.okki.api.OkkiInvalidResponseException;
import io.github.camelokki.okki.internal.auth.AccessToken;
import io.github.camelokki.okki.internal.auth.TokenManager;
import io.github.camelokki.okki.internal.catalog.Operation;
import io.github.camelokki.okki.internal.json.Envelope;
import io.github.camelokki.okki.internal.transport.HttpRequestSpec;
import io.github.camelokki.okki.internal.transport.HttpResponseData;
import io.github.camelokki.okki.internal.transport.HttpTransport;
import io.github.camelokki.okki.internal.transport.RetryPolicy;

/**
 * Calls OKKI operations for one set of credentials: builds the request (against the base URL, with parameters and
 * body checked), authorizes it, sends it (with the transport's retries), renews the token and tries once more when
 * OKKI rejects it, and turns anything but a successful envelope into an exception. Every caller (producer, consumer,
 * webhook enrichment and registration) calls OKKI through {@link #call(Operation, Map, Object)}.
 */
public final class OkkiClient {

    private final HttpTransport transport;
    private final RequestFactory requests;
    private final TokenManager tokens;
    private final RetryPolicy retry;
    private final Duration responseTimeout;

    public OkkiClient(HttpTransport transport, TokenManager tokens, RetryPolicy retry, Duration responseTimeout) {
        this.transport = transport;
        this.requests = new RequestFactory(tokens.credentials().baseUrl());
        this.tokens = tokens;
        this.retry = retry;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Calls an operation: its request is built and checked before anything is sent.
     *
     * @param params the operation's query, path and form parameters
     * @param body   the body of a write operation (a map, a POJO, JSON text or bytes); null for none
     * @throws OkkiInvalidRequestException when the parameters or body cannot make a valid request
     * @throws OkkiApiException            when OKKI answers with an error code or status
     */
    public OkkiResponse call(Operation op, Map<String, ?> params, Object body) {
        return send(op, requests.build(op, params, body));
    }

    private OkkiResponse send(Operation op, HttpRequestSpec request) {
        String what = "okki:" + op.uri();
        AccessToken token = tokens.token(op.scope());
        Answer answer = send(request, token, what);
        if (rejectsToken(answer.response(), answer.envelope())) {
            tokens.invalidate(token);
            answer = send(request, tokens.token(op.scope()), what);
        }
        HttpResponseData response = answer.response();
        Envelope envelope = answer.envelope();
        if (!response.isSuccess() || envelope == null || !envelope.isSuccess()) {
            throw new OkkiApiException(op.uri(), response.status(), envelope == null ? null : envelope.code(),
                    envelope == null ? response.bodyStart(200) : envelope.message(),
                    envelope == null ? null : envelope.now(), response.attempts());
        }
        return new OkkiResponse(response.status(), envelope, response.body());
    }

    /**
     * Sends the request and decodes the answer. An envelope reporting a server-side failure with HTTP 200 is as
     * transient as an HTTP 5xx, so it is sent again under the same policy and within the same number of retries
     * (reads only, unless retryWrites).
     */
    private Answer send(HttpRequestSpec request, AccessToken token, String what) {
        HttpRequestSpec authorized = request.withAuthorization(token.authorization());
        int retries = 0;
        while (true) {
            HttpResponseData response = transport.send(authorized, retry, responseTimeout, retries);
            Envelope envelope = decode(response, what);
            retries = response.attempts() - 1;
            if (envelope == null || !envelope.isServerError() || !retry.allows(request.method(), retries)) {
                return new Answer(response, envelope);
            }
            retries++;
            transport.backOff(authorized, "envelope code " + envelope.code() + " (" + envelope.message() + ")",
                    retry, retries, Integer.valueOf(HttpTransport.RATE_LIMITED).equals(envelope.code()));
        }
    }

    /** An answer as received and its envelope, null when it had none. */
    private record Answer(HttpResponseData response, Envelope envelope) {
    }

    /**
     * The envelope. A 401 may come from a gateway with any body, and must still lead to a renewal, so its body is read
     * leniently; so is an error status with an empty body. Null when there is nothing to read.
     */
    private static Envelope decode(HttpResponseData response, String what) {
        if (response.status() == 401 || !response.isSuccess() && response.body().length == 0) {
            try {
                return response.body().length == 0 ? null : Envelope.decode(response, what);
            } catch (OkkiInvalidResponseException notJson) {
                return null;
            }
        }
        return Envelope.decode(response, what);
    }

    private static boolean rejectsToken(HttpResponseData response, Envelope envelope) {
        return response.status() == 401 || envelope != null && envelope.isUnauthenticated();
    }

    public TokenManager tokens() {
        return tokens;
    }
}
