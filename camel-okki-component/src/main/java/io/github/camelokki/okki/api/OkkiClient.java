package io.github.camelokki.okki.api;

import java.time.Duration;

import io.github.camelokki.okki.OkkiApiException;
import io.github.camelokki.okki.OkkiInvalidResponseException;
import io.github.camelokki.okki.auth.AccessToken;
import io.github.camelokki.okki.auth.TokenManager;
import io.github.camelokki.okki.catalog.Operation;
import io.github.camelokki.okki.json.Envelope;
import io.github.camelokki.okki.transport.HttpRequestSpec;
import io.github.camelokki.okki.transport.HttpResponseData;
import io.github.camelokki.okki.transport.HttpTransport;
import io.github.camelokki.okki.transport.RetryPolicy;

/**
 * Calls one OKKI operation: authorizes the request, sends it (with the transport's retries), renews the token and
 * tries once more when OKKI rejects it, and turns anything but a successful envelope into an exception.
 */
public final class OkkiClient {

    private final HttpTransport transport;
    private final TokenManager tokens;
    private final RetryPolicy retry;
    private final Duration responseTimeout;

    public OkkiClient(HttpTransport transport, TokenManager tokens, RetryPolicy retry, Duration responseTimeout) {
        this.transport = transport;
        this.tokens = tokens;
        this.retry = retry;
        this.responseTimeout = responseTimeout;
    }

    /**
     * Sends the request built for the operation.
     *
     * @throws OkkiApiException when OKKI answers with an error code or status
     */
    public OkkiResponse call(Operation op, HttpRequestSpec request) {
        String what = "okki:" + op.uri();
        AccessToken token = tokens.token(op.scope());
        HttpResponseData response = send(request, token);
        Envelope envelope = decode(response, what);
        if (rejectsToken(response, envelope)) {
            tokens.invalidate(token);
            response = send(request, tokens.token(op.scope()));
            envelope = decode(response, what);
        }
        if (!response.isSuccess() || envelope == null || !envelope.isSuccess()) {
            throw new OkkiApiException(op.uri(), response.status(), envelope == null ? null : envelope.code(),
                    envelope == null ? response.bodyStart(200) : envelope.message(),
                    envelope == null ? null : envelope.now(), response.attempts());
        }
        return new OkkiResponse(response.status(), envelope, response.body());
    }

    private HttpResponseData send(HttpRequestSpec request, AccessToken token) {
        return transport.send(request.withAuthorization(token.authorization()), retry, responseTimeout);
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
