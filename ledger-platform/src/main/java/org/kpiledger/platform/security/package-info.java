/**
 * Who is calling and what they may do: local accounts and the users API, HTTP Basic, the login form, bearer
 * tokens, the access table every feature contributes to, login throttling.
 */
package org.kpiledger.platform.security;
