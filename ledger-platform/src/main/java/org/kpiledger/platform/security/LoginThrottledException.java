package org.kpiledger.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked because too many failed before it; answered 429 with {@code Retry-After}. */
public class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    public LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
    }
}
