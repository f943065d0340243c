package io.github.camelokki.okki.api;

/**
 * How the component proves who it is to OKKI.
 */
public enum GrantType {
    /** The app's client id and secret alone; the token acts as the account's admin. */
    client_credentials,
    /** The app's client id and secret plus a user's login; the token acts as that user and can be refreshed. */
    password
}
