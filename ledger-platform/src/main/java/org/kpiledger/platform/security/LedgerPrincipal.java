package org.kpiledger.platform.security;

import java.util.Optional;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The authenticated user behind a request, as every event they cause records them: their name (a local username
 * or the token's subject), their department and roles at that moment, and how they authenticated.
 *
 * @param department the department the user works for; null when the account or token names none
 */
public record LedgerPrincipal(String name, String department, Set<LedgerRole> roles, AuthMethod method) {

    public LedgerPrincipal {
        roles = Set.copyOf(roles);
    }

    public boolean has(LedgerRole role) {
        return roles.contains(role);
    }

    /** The user of the current request; empty for an anonymous reader. */
    public static Optional<LedgerPrincipal> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication instanceof BearerTokenPrincipal token) {
            return Optional.of(token.ledgerPrincipal());
        }
        if (authentication.getPrincipal() instanceof LocalAccount account) {
            AuthMethod method = authentication.getDetails() instanceof LoginDetails details
                    ? details.method() : AuthMethod.HTTP_BASIC;
            return Optional.of(new LedgerPrincipal(account.getUsername(), account.department(),
                    LedgerRole.fromAuthorities(authentication.getAuthorities().stream()
                            .map(GrantedAuthority::getAuthority).toList()), method));
        }
        return Optional.empty();
    }
}
