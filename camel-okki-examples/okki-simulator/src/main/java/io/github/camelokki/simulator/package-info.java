/**
 * A stateful stand-in for the OKKI Open API, for the examples and the tests.
 * <p>
 * {@link io.github.camelokki.simulator.OkkiSimulator} is the entry point. Inside, one WireMock extension
 * ({@code SimulatorTransformer}) answers every request: {@code OkkiApi} routes it, {@code Tokens} plays the OAuth2
 * server, {@code ResourceOperations} serves list/info/push/remove for every resource from the {@code ResourceKind}
 * table, and {@link io.github.camelokki.simulator.Records} holds the data; {@code WebhookOperations} serves the
 * webhook and subscribe operations from {@link io.github.camelokki.simulator.Webhooks}. Each list's time window
 * filters on the record time its own {@code TimeFilter} row names, as OKKI documents that list, never on a shared
 * guess.
 * {@link io.github.camelokki.simulator.Faults} decides which calls fail, and
 * {@link io.github.camelokki.simulator.SimClock} is OKKI's clock.
 */
package io.github.camelokki.simulator;
