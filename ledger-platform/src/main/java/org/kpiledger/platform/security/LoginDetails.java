package org.kpiledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** The client address of a login, for throttling, and whether it came through HTTP Basic or the login form. */
class LoginDetails extends WebAuthenticationDetails {

    private final AuthMethod method;

    LoginDetails(HttpServletRequest request, AuthMethod method) {
        super(request);
        this.method = method;
    }

    AuthMethod method() {
        return method;
    }
}
