package io.github.camelokki.simulator.loopback;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.github.camelokki.simulator.OkkiModel;
import io.github.camelokki.simulator.SimRequest;
import io.github.camelokki.simulator.SimResponse;

/**
 * A fast HTTP/1.1 front end for the {@link OkkiModel} on a raw {@link ServerSocket}, for benchmarks and load tests,
 * where WireMock (Jetty, matching, extensions) would cost more than the client under test.
 * <p>
 * Every request is parsed here into a {@link SimRequest} and answered by the model, exactly as {@code OkkiSimulator}
 * answers it over WireMock: tokens with scopes and lifetimes for registered clients
 * ({@link OkkiModel#DEFAULT_CLIENT_ID} from the start; register others with {@code model().client(...)}), every resource's list with its own time filter,
 * paging and total, info, push and remove, webhooks. The builder seeds {@link Builder#companies(int) N} companies
 * (1,000 by default) whose update times are spread over the past week; {@link #model()} seeds or changes anything
 * else. Built {@link Builder#model over} an {@code OkkiSimulator}'s model, it serves that simulator's OKKI.
 * Multipart bodies are not parsed (their fields do not reach the model).
 * <p>
 * Connections are kept alive (HTTP/1.1 default) and each served by one platform thread from a bounded pool, named
 * {@code okki-loopback-*}. It counts accepted connections, open connections, requests, token requests and injected
 * faults, holds each data request for an optional {@link Builder#latency latency}, and spoils data requests as a
 * {@link FaultPlan} says.
 */
public final class LoopbackOkki implements Closeable {

    public static final String THREAD_PREFIX = "okki-loopback";

    private final OkkiModel model;
    private final ServerSocket server;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final FaultPlan faults;
    private final long latencyMillis;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicLong acceptedConnections = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong tokenRequests = new AtomicLong();
    private final AtomicLong dataRequests = new AtomicLong();
    private final Map<LoopbackFault, AtomicLong> injected = new EnumMap<>(LoopbackFault.class);
    private volatile boolean closed;

    private LoopbackOkki(Builder b) throws IOException {
        this.faults = b.faults;
        this.latencyMillis = b.latency.toMillis();
        this.model = b.model != null ? b.model : new OkkiModel();
        model.records("company").seed(b.companiesToSeed());
        for (LoopbackFault f : LoopbackFault.values()) {
            injected.put(f, new AtomicLong());
        }
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 1024);
        AtomicInteger threadNumber = new AtomicInteger();
        workers = new ThreadPoolExecutor(0, b.maxConnections, 1, TimeUnit.SECONDS, new SynchronousQueue<>(), r -> {
            Thread t = new Thread(r, THREAD_PREFIX + "-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        acceptor = new Thread(this::acceptLoop, THREAD_PREFIX + "-acceptor");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Starts a stub with no faults and 1,000 companies. */
    public static LoopbackOkki start() throws IOException {
        return builder().start();
    }

    /** Options of a stub. */
    public static final class Builder {
        private int port;
        private OkkiModel model;
        private Integer companies;
        private int maxConnections = 256;
        private FaultPlan faults = FaultPlan.NONE;
        private Duration latency = Duration.ZERO;

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /**
         * Serves this model instead of a new one, e.g. an {@code OkkiSimulator}'s ({@code simulator.model()}): both
         * front ends then answer from the same OKKI (records, clients, tokens, clock). Seeds no companies into it
         * unless {@link #companies(int)} says how many.
         */
        public Builder model(OkkiModel model) {
            this.model = model;
            return this;
        }

        /**
         * How many companies the model is seeded with (1,000 by default for a model of its own), update times spread
         * over the past week (see {@link io.github.camelokki.simulator.Records#seed}); the first has company_id
         * 3100000001 in a fresh model.
         */
        public Builder companies(int companies) {
            this.companies = companies;
            return this;
        }

        /** Convenience: {@code pages} pages of {@code pageSize} records, when the client asks for that page size. */
        public Builder pages(int pages, int pageSize) {
            return companies(pages * pageSize);
        }

        /** The most connections served at once (one thread each); further ones are closed at once. */
        public Builder maxConnections(int maxConnections) {
            this.maxConnections = maxConnections;
            return this;
        }

        /**
         * How long each data request is held before it is answered, as if OKKI were far away (it answers in 100 ms
         * and more from outside China); zero, the default, answers at once. Each connection waits on its own thread,
         * so concurrent requests wait at the same time, as on a real network.
         */
        public Builder latency(Duration latency) {
            this.latency = latency;
            return this;
        }

        public Builder faults(FaultPlan faults) {
            this.faults = faults;
            return this;
        }

        private int companiesToSeed() {
            if (companies != null) {
                return companies;
            }
            return model == null ? 1_000 : 0;
        }

        public LoopbackOkki start() throws IOException {
            return new LoopbackOkki(this);
        }
    }

    /** {@code http://127.0.0.1:PORT} (no trailing slash). */
    public String baseUrl() {
        return "http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** The OKKI this front end serves: its records, clients, tokens and clock. */
    public OkkiModel model() {
        return model;
    }

    /** Connections accepted since start (or the last {@link #resetCounters()}). */
    public long acceptedConnections() {
        return acceptedConnections.get();
    }

    /** Connections open right now. */
    public int openConnections() {
        return openConnections.get();
    }

    /** Requests read, of any kind. */
    public long requests() {
        return requests.get();
    }

    public long tokenRequests() {
        return tokenRequests.get();
    }

    /** Requests other than token requests. */
    public long dataRequests() {
        return dataRequests.get();
    }

    public long injected(LoopbackFault fault) {
        return injected.get(fault).get();
    }

    public long injectedTotal() {
        return injected.values().stream().mapToLong(AtomicLong::get).sum();
    }

    /** Zeroes the counters of connections, requests and faults (not the open connections). */
    public void resetCounters() {
        acceptedConnections.set(0);
        requests.set(0);
        tokenRequests.set(0);
        dataRequests.set(0);
        injected.values().forEach(c -> c.set(0));
    }

    /** A one-line summary of the counters. */
    public String stats() {
        StringBuilder sb = new StringBuilder("connections accepted=").append(acceptedConnections).append(" open=")
                .append(openConnections).append(", requests=").append(requests).append(" (token ")
                .append(tokenRequests).append(", data ").append(dataRequests).append("), faults=");
        injected.forEach((f, n) -> sb.append(' ').append(f).append('=').append(n));
        return sb.toString();
    }

    private void acceptLoop() {
        long connectionNumber = 0;
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            acceptedConnections.incrementAndGet();
            long number = ++connectionNumber;
            try {
                socket.setTcpNoDelay(true);
                openConnections.incrementAndGet();
                open.add(socket);
                workers.execute(() -> serve(socket, number));
            } catch (IOException | RejectedExecutionException e) {
                release(socket);
            }
        }
    }

    private void release(Socket socket) {
        if (open.remove(socket)) {
            openConnections.decrementAndGet();
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void serve(Socket socket, long connectionNumber) {
        Random random = new Random(faults.seed() * 1_000_003L + connectionNumber);
        try (InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 32 * 1024)) {
            Request request = new Request();
            StringBuilder line = new StringBuilder(256);
            while (!closed && request.read(in, line)) {
                requests.incrementAndGet();
                if (!answer(request, socket, out, random)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or was reset: nothing to do
        } finally {
            release(socket);
        }
    }

    private void awaitLatency() {
        if (latencyMillis > 0) {
            sleep(latencyMillis);
        }
    }

    /** Answers one request; false when the connection is to be closed. */
    private boolean answer(Request request, Socket socket, OutputStream out, Random random) throws IOException {
        SimRequest sim = request.toSimRequest();
        boolean token = OkkiModel.isTokenCall(sim);
        if (token) {
            tokenRequests.incrementAndGet();
        } else {
            dataRequests.incrementAndGet();
            awaitLatency();
        }
        LoopbackFault fault = token && !faults.tokenFaults() ? null : faults.draw(random);
        if (fault == null) {
            return send(out, model.answer(sim), request);
        }
        injected.get(fault).incrementAndGet();
        switch (fault) {
            case STATUS_500 -> {
                return send(out, SimResponse.httpFailure(500), request);
            }
            case STATUS_503 -> {
                return send(out, SimResponse.httpFailure(503), request);
            }
            case HTML_502 -> {
                return send(out, SimResponse.gatewayPage(), request);
            }
            case ENVELOPE_500 -> {
                return send(out, SimResponse.envelopeFailure(500, model.clock().nowText()), request);
            }
            case RESET -> {
                socket.setSoLinger(true, 0);
                socket.close();
                return false;
            }
            case SLOW -> {
                sleep(faults.slowDelayMillis(random));
                return send(out, model.answer(sim), request);
            }
            case TRUNCATED_LENGTH -> {
                SimResponse proper = model.answer(sim);
                byte[] body = proper.body().getBytes(StandardCharsets.UTF_8);
                out.write(head(proper.status(), proper.contentType(), "Content-Length: " + (body.length + 512)));
                out.write(body, 0, body.length / 2);
                out.flush();
                return false;
            }
            case TRUNCATED_BODY -> {
                SimResponse proper = model.answer(sim);
                byte[] body = proper.body().getBytes(StandardCharsets.UTF_8);
                out.write(head(proper.status(), proper.contentType(), "Connection: close"));
                out.write(body, 0, body.length / 2);
                out.flush();
                return false;
            }
            default -> throw new IllegalStateException(fault.toString());
        }
    }

    private static boolean send(OutputStream out, SimResponse response, Request request) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        out.write(head(response.status(), response.contentType(), "Content-Length: " + body.length));
        out.write(body);
        out.flush();
        return !request.close;
    }

    /** The status line and headers; {@code framing} says how the body ends (its length, or the connection's close). */
    private static byte[] head(int status, String contentType, String framing) {
        return ("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + contentType + "\r\n" + framing
                + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 404 -> "Not Found";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status " + status;
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops accepting, closes every open connection and stops the worker threads. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        open.forEach(this::release);
        workers.shutdownNow();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
            acceptor.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request as read from the connection: its line, the headers the model looks at, and its body. */
    private static final class Request {
        /** The longest body read; OKKI's requests are small JSON or form bodies. */
        private static final int MAX_BODY = 16 * 1024 * 1024;

        String method;
        String target;
        String contentType;
        String authorization;
        String body;
        boolean close;

        /** Reads the next request; false at a clean end of the stream. */
        boolean read(InputStream in, StringBuilder line) throws IOException {
            if (!readLine(in, line)) {
                return false;
            }
            String requestLine = line.toString();
            int sp1 = requestLine.indexOf(' ');
            int sp2 = requestLine.indexOf(' ', sp1 + 1);
            if (sp1 < 0 || sp2 < 0) {
                throw new IOException("bad request line: " + requestLine);
            }
            method = requestLine.substring(0, sp1);
            target = requestLine.substring(sp1 + 1, sp2);
            boolean http10 = requestLine.endsWith("HTTP/1.0");
            contentType = null;
            authorization = null;
            close = http10;
            long length = 0;
            boolean chunked = false;
            while (true) {
                if (!readLine(in, line)) {
                    throw new EOFException("end of stream in the headers");
                }
                if (line.length() == 0) {
                    break;
                }
                int colon = line.indexOf(":");
                if (colon <= 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Content-Type")) {
                    contentType = value;
                } else if (name.equalsIgnoreCase("Authorization")) {
                    authorization = value;
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close") || http10 && !value.equalsIgnoreCase("keep-alive");
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(length, 8192));
            if (chunked) {
                readChunked(in, line, bytes);
            } else {
                copy(in, length, bytes);
            }
            body = bytes.toString(StandardCharsets.UTF_8);
            return true;
        }

        SimRequest toSimRequest() {
            return SimRequest.of(method, target, contentType, authorization, body);
        }

        private static void readChunked(InputStream in, StringBuilder line, ByteArrayOutputStream bytes)
                throws IOException {
            while (true) {
                if (!readLine(in, line)) {
                    throw new EOFException("end of stream in a chunked body");
                }
                String size = line.toString();
                int semi = size.indexOf(';');
                long n = Long.parseLong((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
                if (n == 0) {
                    while (readLine(in, line) && line.length() > 0) {
                        // trailers
                    }
                    return;
                }
                copy(in, n, bytes);
                readLine(in, line);
            }
        }

        private static void copy(InputStream in, long n, ByteArrayOutputStream bytes) throws IOException {
            if (bytes.size() + n > MAX_BODY) {
                throw new IOException("a request body of more than " + MAX_BODY + " bytes");
            }
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            while (n > 0) {
                int read = in.read(buffer, 0, (int) Math.min(n, buffer.length));
                if (read < 0) {
                    throw new EOFException("end of stream in a body");
                }
                bytes.write(buffer, 0, read);
                n -= read;
            }
        }

        /** Reads a CRLF (or LF) terminated line into {@code line}; false at end of stream before any byte. */
        private static boolean readLine(InputStream in, StringBuilder line) throws IOException {
            line.setLength(0);
            int c;
            boolean any = false;
            while ((c = in.read()) >= 0) {
                any = true;
                if (c == '\n') {
                    int len = line.length();
                    if (len > 0 && line.charAt(len - 1) == '\r') {
                        line.setLength(len - 1);
                    }
                    return true;
                }
                line.append((char) c);
            }
            if (any) {
                throw new EOFException("end of stream in a line");
            }
            return false;
        }
    }

    /** Runs a stub until killed: {@code java ... LoopbackOkki [port] [companies]}; client sim-client / sim-secret. */
    public static void main(String[] args) throws Exception {
        LoopbackOkki stub = builder().port(args.length > 0 ? Integer.parseInt(args[0]) : 0)
                .companies(args.length > 1 ? Integer.parseInt(args[1]) : 1_000).start();
        System.out.println("OKKI loopback stub at " + stub.baseUrl());
        Thread.currentThread().join();
    }

    @Override
    public String toString() {
        return "LoopbackOkki[" + baseUrl() + "]";
    }
}
