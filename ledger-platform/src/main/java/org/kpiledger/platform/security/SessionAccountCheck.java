package org.kpiledger.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.kpiledger.platform.tenancy.DefaultTenant;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session lasts only as long as the account it signed in as is unchanged: when an administrator disables
 * the account, changes its password or its roles, the session's next request finds the account's change record
 * grown since the sign-in, ends the session and goes on as anonymous. HTTP Basic and bearer requests are checked on
 * every request anyway.
 */
class SessionAccountCheck extends OncePerRequestFilter {

    static final String LAST_CHANGE = SessionAccountCheck.class.getName() + ".lastChange";

    private final AccountDirectory accounts;
    private final DefaultTenant defaultTenant;

    SessionAccountCheck(AccountDirectory accounts, DefaultTenant defaultTenant) {
        this.accounts = accounts;
        this.defaultTenant = defaultTenant;
    }

    /** Remembers, with the new session, the account's last change at the moment of signing in. */
    AuthenticationSuccessHandler rememberingTheAccount() {
        RequestCache pages = PageRequests.returnAfterSignIn();
        return (request, response, authentication) -> {
            request.getSession().setAttribute(LAST_CHANGE, accounts.lastChangeOf(authentication.getName()));
            request.getSession().removeAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            response.sendRedirect(PageRequests.pathToReturnTo(pages.getRequest(request, response),
                    request.getContextPath()));
            pages.removeRequest(request, response);
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object lastChange = session == null ? null : session.getAttribute(LAST_CHANGE);
        if (lastChange instanceof Long seen) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication != null && ofThisTenant(authentication)
                    && accounts.lastChangeOf(authentication.getName()) != seen) {
                session.invalidate();
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }

    /** A session of another tenant's account is refused by {@link TenantCredentialCheck}, and kept for its own. */
    private boolean ofThisTenant(Authentication authentication) {
        return !(authentication.getPrincipal() instanceof LocalAccount account)
                || account.tenant().equals(defaultTenant.current());
    }
}
