package org.kpiledger.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.platform.tenancy.TenantCode;
import org.kpiledger.platform.web.TextRules;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Reads the user out of a verified token, from the claims this city's identity provider uses. A claim name may be
 * a dotted path into nested claims, as Keycloak nests realm roles in {@code realm_access.roles}. Roles the ledger
 * does not know are ignored, and so is {@code OPERATOR}; a token whose user name, department or tenant cannot be read
 * is refused. A token without the tenant claim is the default tenant's.
 */
class TokenClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private final String usernameClaim;
    private final String rolesClaim;
    private final String departmentClaim;
    private final String tenantClaim;
    private final String defaultTenant;

    TokenClaims(String usernameClaim, String rolesClaim, String departmentClaim, String tenantClaim,
            String defaultTenant) {
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
        this.departmentClaim = departmentClaim;
        this.tenantClaim = tenantClaim;
        this.defaultTenant = defaultTenant;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new BearerTokenPrincipal(jwt,
                new LedgerPrincipal(username(jwt), department(jwt), roles(jwt), AuthMethod.BEARER_TOKEN), tenant(jwt));
    }

    private String tenant(Jwt jwt) {
        Object value = claim(jwt, tenantClaim);
        if (value == null) {
            return defaultTenant;
        }
        if (!TenantCode.isValid(value.toString())) {
            throw new InvalidBearerTokenException("The token's '" + tenantClaim + "' claim is not a tenant id.");
        }
        return value.toString();
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
        // the deployment's operators are local accounts of the default tenant; an identity provider cannot make one
        roles.remove(LedgerRole.OPERATOR);
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
