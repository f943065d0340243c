package io.github.camelokki.okki.internal.transport;

import java.time.Duration;

/**
 * What a pooled HTTP client is built from. Endpoints with equal settings share one client (and its pool).
 *
 * @param connectTimeout  how long to wait for a TCP connection
 * @param maxConnections  the pool's size (OKKI is one host, so also the per-route limit)
 * @param proxyHost       proxy host, or null for a direct connection
 * @param proxyPort       proxy port
 * @param proxyUsername   proxy user, or null
 * @param proxyPassword   proxy password, or null
 */
public record TransportSettings(Duration connectTimeout, int maxConnections, String proxyHost, int proxyPort,
        String proxyUsername, String proxyPassword) {

    @Override
    public String toString() {
        return "TransportSettings[connectTimeout=" + connectTimeout + ", maxConnections=" + maxConnections
                + (proxyHost == null ? "" : ", proxy=" + proxyHost + ":" + proxyPort)
                + (proxyUsername == null ? "" : ", proxyUsername=" + proxyUsername + ", proxyPassword=xxxxxx") + "]";
    }
}
