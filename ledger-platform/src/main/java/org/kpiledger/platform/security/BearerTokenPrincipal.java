package org.kpiledger.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A request authenticated by a signed token of the city's identity provider, read into a ledger principal. */
class BearerTokenPrincipal extends JwtAuthenticationToken {

    private final transient LedgerPrincipal ledgerPrincipal;

    BearerTokenPrincipal(Jwt jwt, LedgerPrincipal ledgerPrincipal) {
        super(jwt, ledgerPrincipal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                ledgerPrincipal.name());
        this.ledgerPrincipal = ledgerPrincipal;
    }

    LedgerPrincipal ledgerPrincipal() {
        return ledgerPrincipal;
    }
}
