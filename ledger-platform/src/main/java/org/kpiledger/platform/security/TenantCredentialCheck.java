package org.kpiledger.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.kpiledger.platform.web.ProblemResponses;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A credential opens its own tenant only: a session, a password or a token of one tenant used under another's
 * prefix is refused with 403 {@code CREDENTIAL_OF_ANOTHER_TENANT} before any rule of the access table is consulted.
 * A password is looked up among the URL's tenant's accounts in the first place; this catches sessions and tokens.
 */
class TenantCredentialCheck extends OncePerRequestFilter {

    private final DefaultTenant defaultTenant;
    private final ProblemResponses problems;

    TenantCredentialCheck(DefaultTenant defaultTenant, ProblemResponses problems) {
        this.defaultTenant = defaultTenant;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credentialTenant = tenantOf(SecurityContextHolder.getContext().getAuthentication());
        String requestTenant = defaultTenant.current();
        if (credentialTenant != null && !credentialTenant.equals(requestTenant)) {
            problems.write(response, ProblemType.CREDENTIAL_OF_ANOTHER_TENANT.problem("You signed in as a user of "
                    + "the tenant " + credentialTenant + "; this URL is the tenant " + requestTenant + "'s.", null));
            return;
        }
        chain.doFilter(request, response);
    }

    private static String tenantOf(Authentication authentication) {
        if (authentication instanceof BearerTokenPrincipal token) {
            return token.tenant();
        }
        return authentication != null && authentication.getPrincipal() instanceof LocalAccount account
                ? account.tenant() : null;
    }
}
