package org.kpiledger.platform.security;

/** How an actor proved who they are; recorded with every event they cause. */
public enum AuthMethod {
    /** A local account's password, sent with each request ({@code Authorization: Basic}). */
    HTTP_BASIC,
    /** A local account's password, given once in the login form; later requests carry the session. */
    FORM_LOGIN,
    /** A token signed by the city's identity provider ({@code Authorization: Bearer}). */
    BEARER_TOKEN,
    /** The service itself, such as the catalog loaded at start. */
    SYSTEM
}
