package org.kpiledger.platform.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A request authenticated by a signed token of the city's identity provider, read into a ledger principal. */
class BearerTokenPrincipal extends JwtAuthenticationToken {

    private final transient LedgerPrincipal ledgerPrincipal;
    private final String tenant;

    BearerTokenPrincipal(Jwt jwt, LedgerPrincipal ledgerPrincipal, String tenant) {
        super(jwt, ledgerPrincipal.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList(),
                ledgerPrincipal.name());
        this.ledgerPrincipal = ledgerPrincipal;
        this.tenant = tenant;
    }

    /** The tenant the token was issued for: its tenant claim, or the default tenant without one. */
    String tenant() {
        return tenant;
    }

    LedgerPrincipal ledgerPrincipal() {
        return ledgerPrincipal;
    }
}
