/**
 * A fast loopback HTTP/1.1 front end for the OKKI model on a raw server socket, with counters, an injected round-trip
 * latency and seeded fault injection, for the benchmarks and the load and fault test. Not WireMock: it must never be
 * the bottleneck, and it runs without WireMock on the classpath.
 */
package io.github.camelokki.simulator.loopback;
