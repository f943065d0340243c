/**
 * A stateful stand-in for the OKKI Open API, for the examples and the tests.
 */
package io.github.camelokki.simulator;
