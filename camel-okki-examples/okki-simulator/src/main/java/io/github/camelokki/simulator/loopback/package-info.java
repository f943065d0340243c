/**
 * A minimal, fast loopback HTTP/1.1 stand-in for the OKKI Open API on a raw server socket, with counters and seeded
 * fault injection, for the benchmarks and the load and fault test. Not WireMock: it must never be the bottleneck.
 */
package io.github.camelokki.simulator.loopback;
