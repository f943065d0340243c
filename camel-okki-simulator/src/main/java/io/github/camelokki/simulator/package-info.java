/**
 * A stateful stand-in for the OKKI Open API, for the tests, the examples and the benchmarks.
 * <p>
 * {@link io.github.camelokki.simulator.OkkiModel} is one simulated OKKI, independent of any HTTP server:
 * {@code OkkiApi} routes a {@link io.github.camelokki.simulator.SimRequest}, {@code Tokens} plays the OAuth2 server,
 * {@code ResourceOperations} serves list/info/push/remove for every resource from the {@code ResourceKind} table, and
 * {@link io.github.camelokki.simulator.Records} holds the data; {@code WebhookOperations} serves the webhook and
 * subscribe operations from {@link io.github.camelokki.simulator.Webhooks}. Each list's time window filters on the
 * record time its own {@code TimeFilter} row names, as OKKI documents that list, never on a shared guess.
 * {@link io.github.camelokki.simulator.SimClock} is OKKI's clock. The model's JSON is plain Jackson.
 * <p>
 * Two HTTP front ends serve the model: {@link io.github.camelokki.simulator.OkkiSimulator} on WireMock (one
 * extension, {@code SimulatorTransformer}, answers every request; {@link io.github.camelokki.simulator.Faults}
 * decides which calls fail, and record changes can be pushed to the webhook), the one the tests and examples use; and
 * {@link io.github.camelokki.simulator.loopback.LoopbackOkki} on a raw server socket, fast enough for benchmarks and
 * load tests, with its own fault plan. Only those two know how HTTP reaches them; WireMock is needed by the first
 * alone. A loopback built over a simulator's model serves the same OKKI.
 * <p>
 * {@link io.github.camelokki.simulator.junit.OkkiSimulatorExtension} runs a simulator (and optionally a loopback over
 * its model) for a JUnit 5 test class: started once, reset before each test, stopped after the last.
 */
package io.github.camelokki.simulator;
