package org.kpiledger.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.platform.web.TextRules;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the user out of a verified token, from the claims this city's identity provider uses. A claim name may be
 * a dotted path into nested claims, as Keycloak nests realm roles in {@code realm_access.roles}. Roles the ledger
 * does not know are ignored; a token whose user name or department cannot be read is refused.
 */
class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String usernameClaim;
    private final String rolesClaim;
    private final String departmentClaim;

    TokenClaims(String usernameClaim, String rolesClaim, String departmentClaim) {
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
        this.departmentClaim = departmentClaim;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new BearerTokenPrincipal(jwt,
                new LedgerPrincipal(username(jwt), department(jwt), roles(jwt), AuthMethod.BEARER_TOKEN));
    }

    private String username(Jwt jwt) {
        if (!(claim(jwt, usernameClaim) instanceof String name)) {
            throw new InvalidBearerTokenException("The token has no '" + usernameClaim + "' claim naming its user.");
        }
        String canonical = TextRules.canonical(name.strip());
        if (TextRules.violation(canonical, false) != null || canonical.length() > 200) {
            throw new InvalidBearerTokenException("The token's '" + usernameClaim + "' claim is not a usable name.");
        }
        return canonical;
    }

    private String department(Jwt jwt) {
        Object value = claim(jwt, departmentClaim);
        if (value == null) {
            return null;
        }
        try {
            return new Department(value.toString()).code();
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token's '" + departmentClaim + "' claim is not a department code.");
        }
    }

    private Set<LedgerRole> roles(Jwt jwt) {
        Set<LedgerRole> roles = EnumSet.noneOf(LedgerRole.class);
        Object value = claim(jwt, rolesClaim);
        if (value instanceof Collection<?> names) {
            names.forEach(name -> LedgerRole.named(String.valueOf(name)).ifPresent(roles::add));
        } else if (value instanceof String names) {
            for (String name : names.split("[ ,]")) {
                LedgerRole.named(name).ifPresent(roles::add);
            }
        }
        return roles;
    }

    private static Object claim(Jwt jwt, String path) {
        Object value = jwt.getClaims();
        for (String step : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> claims)) {
                return null;
            }
            value = claims.get(step);
        }
        return value;
    }
}
