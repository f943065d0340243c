package io.github.camelokki.simulator.loopback;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
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

/**
 * A minimal, fast HTTP/1.1 stand-in for the OKKI Open API on a raw {@link ServerSocket}, for benchmarks and load
 * tests, where WireMock (Jetty, request journal, matching) would be the bottleneck.
 * <p>
 * It answers:
 * <ul>
 * <li>{@code POST /v1/oauth2/access_token} and {@code /v1/oauth2/refresh_token}: a token valid for 8 hours, always
 * {@link #TOKEN};</li>
 * <li>{@code GET /v1/company/info}: one fixed company record ({@link #COMPANY_INFO_BODY});</li>
 * <li>{@code GET /v1/company/list?start_index=P&count=S}: page P of {@link Builder#companies(int) N} generated
 * records, with {@code totalItem} = N, so a consumer or a paging loop can be measured over N/S pages;</li>
 * <li>anything else: 404 with an error envelope. A data request without {@code Authorization: Bearer TOKEN} gets
 * 401.</li>
 * </ul>
 * Connections are kept alive (HTTP/1.1 default) and each served by one platform thread from a bounded pool, named
 * {@code okki-loopback-*}. It counts accepted connections, open connections, requests, token requests and injected
 * faults, and spoils data requests as a {@link FaultPlan} says.
 */
public final class LoopbackOkki implements Closeable {

    public static final String TOKEN = "loopback-access-token";
    public static final String THREAD_PREFIX = "okki-loopback";
    public static final String NOW = "2026-11-25 10:00:00";

    /** The data of company/info: a realistic, fixed record of about 700 bytes. */
    public static final String COMPANY_INFO_DATA = "{\"company_id\":3100000001,\"serial_id\":\"C-000001\","
            + "\"name\":\"Hangzhou Loopback Trading Co., Ltd.\",\"short_name\":\"Loopback Trading\","
            + "\"country\":\"CN\",\"province\":\"Zhejiang\",\"city\":\"Hangzhou\",\"address\":\"1 Test Road\","
            + "\"homepage\":\"https://loopback.example\",\"tel\":\"+86-571-00000000\",\"fax\":\"\","
            + "\"group_id\":12,\"pool_id\":0,\"star\":3,\"trail_status\":\"active\",\"origin\":\"exhibition\","
            + "\"biz_type\":[\"trader\",\"importer\"],\"tags\":[\"vip\",\"2026\"],\"owner\":[{\"user_id\":100001,"
            + "\"nickname\":\"Li Lei\"}],\"contacts\":[{\"customer_id\":4100000001,\"name\":\"Han Meimei\","
            + "\"email\":\"han@loopback.example\",\"main_customer_flag\":1}],\"create_time\":\"2025-01-02 03:04:05\","
            + "\"update_time\":\"2026-11-24 09:08:07\",\"order_time\":\"2026-10-01 00:00:00\",\"remark\":\"\"}";
    public static final String COMPANY_INFO_BODY = "{\"code\":200,\"message\":\"success\",\"now\":\"" + NOW
            + "\",\"data\":" + COMPANY_INFO_DATA + "}";
    static final String TOKEN_BODY = "{\"token_type\":\"Bearer\",\"expires_in\":28800,\"access_token\":\"" + TOKEN
            + "\",\"refresh_token\":\"loopback-refresh-token\"}";
    static final String HTML_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
            + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

    private static final byte[] INFO_RESPONSE = response(200, "OK", "application/json", COMPANY_INFO_BODY);
    private static final byte[] TOKEN_RESPONSE = response(200, "OK", "application/json", TOKEN_BODY);
    private static final byte[] RESPONSE_500 = response(500, "Internal Server Error", "application/json",
            "{\"code\":500,\"message\":\"Internal Server Error\",\"now\":\"" + NOW + "\",\"data\":null}");
    private static final byte[] RESPONSE_503 = response(503, "Service Unavailable", "application/json",
            "{\"code\":503,\"message\":\"Service Unavailable\",\"now\":\"" + NOW + "\",\"data\":null}");
    private static final byte[] RESPONSE_502 = response(502, "Bad Gateway", "text/html", HTML_502);
    private static final byte[] RESPONSE_401 = response(401, "Unauthorized", "application/json",
            "{\"code\":401,\"message\":\"Unauthenticated.\",\"now\":\"" + NOW + "\",\"data\":null}");
    private static final byte[] RESPONSE_404 = response(404, "Not Found", "application/json",
            "{\"code\":404,\"message\":\"Not Found\",\"now\":\"" + NOW + "\",\"data\":null}");
    private static final byte[] RESPONSE_400 = response(400, "Bad Request", "application/json",
            "{\"code\":400,\"message\":\"Bad Request\",\"now\":\"" + NOW + "\",\"data\":null}");

    private final ServerSocket server;
    private final ThreadPoolExecutor workers;
    private final Thread acceptor;
    private final FaultPlan faults;
    private final int companies;
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
        this.companies = b.companies;
        this.latencyMillis = b.latency.toMillis();
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
        private int companies = 1_000;
        private int maxConnections = 256;
        private FaultPlan faults = FaultPlan.NONE;
        private Duration latency = Duration.ZERO;

        /** The port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** How many records company/list serves in all ({@code totalItem}). */
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
            try {
                Thread.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Answers one request; false when the connection is to be closed. */
    private boolean answer(Request request, Socket socket, OutputStream out, Random random) throws IOException {
        String path = request.path();
        boolean token = path.startsWith("/v1/oauth2/");
        if (token) {
            tokenRequests.incrementAndGet();
        } else {
            dataRequests.incrementAndGet();
            awaitLatency();
        }
        LoopbackFault fault = token && !faults.tokenFaults() ? null : faults.draw(random);
        if (fault != null) {
            injected.get(fault).incrementAndGet();
            switch (fault) {
                case STATUS_500 -> {
                    return send(out, RESPONSE_500, request);
                }
                case STATUS_503 -> {
                    return send(out, RESPONSE_503, request);
                }
                case HTML_502 -> {
                    return send(out, RESPONSE_502, request);
                }
                case RESET -> {
                    socket.setSoLinger(true, 0);
                    socket.close();
                    return false;
                }
                case SLOW -> sleep(faults.slowDelayMillis(random));
                case TRUNCATED_LENGTH -> {
                    byte[] body = proper(request, token);
                    String text = new String(body, StandardCharsets.ISO_8859_1);
                    int cut = text.indexOf("\r\n\r\n") + 4;
                    int bodyLength = body.length - cut;
                    String head = text.substring(0, cut).replaceFirst("Content-Length: \\d+",
                            "Content-Length: " + (bodyLength + 512));
                    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, cut, bodyLength / 2);
                    out.flush();
                    return false;
                }
                case TRUNCATED_BODY -> {
                    byte[] body = proper(request, token);
                    String text = new String(body, StandardCharsets.ISO_8859_1);
                    int cut = text.indexOf("\r\n\r\n") + 4;
                    String json = text.substring(cut);
                    out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n"
                            + json.substring(0, json.length() / 2)).getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    return false;
                }
                default -> throw new IllegalStateException(fault.toString());
            }
        }
        return send(out, proper(request, token), request);
    }

    private byte[] proper(Request request, boolean token) {
        String path = request.path();
        if (token) {
            return path.equals("/v1/oauth2/access_token") || path.equals("/v1/oauth2/refresh_token") ? TOKEN_RESPONSE
                    : RESPONSE_404;
        }
        if (!("Bearer " + TOKEN).equals(request.authorization)) {
            return RESPONSE_401;
        }
        return switch (path) {
            case "/v1/company/info" -> INFO_RESPONSE;
            case "/v1/company/list" -> companyList(request);
            default -> RESPONSE_404;
        };
    }

    private byte[] companyList(Request request) {
        int page;
        int size;
        try {
            page = Integer.parseInt(request.query("start_index", "1"));
            size = Integer.parseInt(request.query("count", "20"));
        } catch (NumberFormatException e) {
            return RESPONSE_400;
        }
        if (page < 1 || size < 1) {
            return RESPONSE_400;
        }
        long from = (long) (page - 1) * size;
        long to = Math.min(companies, from + size);
        StringBuilder sb = new StringBuilder(64 + (int) Math.max(0, to - from) * 260);
        sb.append("{\"code\":200,\"message\":\"success\",\"now\":\"").append(NOW).append("\",\"data\":{\"list\":[");
        for (long i = from; i < to; i++) {
            if (i > from) {
                sb.append(',');
            }
            long id = 3_100_000_001L + i;
            sb.append("{\"company_id\":").append(id).append(",\"serial_id\":\"C-").append(i + 1)
                    .append("\",\"name\":\"Loopback Company ").append(i + 1)
                    .append("\",\"short_name\":\"LC").append(i + 1)
                    .append("\",\"country\":\"CN\",\"group_id\":12,\"star\":3,\"trail_status\":\"active\",")
                    .append("\"owner\":[{\"user_id\":100001,\"nickname\":\"Li Lei\"}],")
                    .append("\"create_time\":\"2025-01-02 03:04:05\",\"update_time\":\"2026-11-24 09:08:07\"}");
        }
        sb.append("],\"totalItem\":").append(companies).append(",\"count\":").append(size).append("}}");
        return response(200, "OK", "application/json", sb.toString());
    }

    private static boolean send(OutputStream out, byte[] response, Request request) throws IOException {
        out.write(response);
        out.flush();
        return !request.close;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] response(int status, String reason, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType
                + "; charset=UTF-8\r\nContent-Length: " + bytes.length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[headBytes.length + bytes.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(bytes, 0, all, headBytes.length, bytes.length);
        return all;
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

    /** One request's line and the headers the stub cares about; reused for every request on a connection. */
    private static final class Request {
        String target;
        String authorization;
        boolean close;

        /** Reads the next request, its body skipped; false at a clean end of the stream. */
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
            target = requestLine.substring(sp1 + 1, sp2);
            boolean http10 = requestLine.endsWith("HTTP/1.0");
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
                } else if (name.equalsIgnoreCase("Authorization")) {
                    authorization = value;
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close") || http10 && !value.equalsIgnoreCase("keep-alive");
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.toLowerCase().contains("chunked");
                }
            }
            if (chunked) {
                skipChunked(in, line);
            } else {
                skip(in, length);
            }
            return true;
        }

        String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        String query(String name, String fallback) {
            int q = target.indexOf('?');
            if (q < 0) {
                return fallback;
            }
            for (String pair : target.substring(q + 1).split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(name)) {
                    return pair.substring(eq + 1);
                }
            }
            return fallback;
        }

        private static void skipChunked(InputStream in, StringBuilder line) throws IOException {
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
                skip(in, n);
                readLine(in, line);
            }
        }

        private static void skip(InputStream in, long n) throws IOException {
            while (n > 0) {
                long skipped = in.skip(n);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("end of stream in a body");
                    }
                    skipped = 1;
                }
                n -= skipped;
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

    /** Runs a stub until killed: {@code java ... LoopbackOkki [port] [companies]}. */
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
