package org.kpiledger.platform.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/** Checks a local account's password, unless the login throttle says this login must wait. */
class ThrottledPasswordAuthentication extends DaoAuthenticationProvider {

    private final LoginThrottle throttle;

    ThrottledPasswordAuthentication(UserDetailsService accounts, PasswordEncoder passwords, LoginThrottle throttle) {
        super(accounts);
        setPasswordEncoder(passwords);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress() : "unknown";
        var wait = throttle.waitBefore(username, address);
        if (wait.isPresent()) {
            throw new LoginThrottledException(wait.get());
        }
        try {
            Authentication authenticated = super.authenticate(authentication);
            throttle.succeeded(username, address);
            return authenticated;
        } catch (BadCredentialsException e) {
            throttle.failed(username, address);
            throw e;
        }
    }
}
