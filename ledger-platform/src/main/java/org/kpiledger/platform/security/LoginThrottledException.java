package org.kpiledger.platform.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A login refused unchecked because too many failed before it; answered 429 with {@code Retry-After}. */
class LoginThrottledException extends AuthenticationException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super("Too many failed logins; try again in " + Math.max(1, retryAfter.toSeconds()) + " seconds.");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return Math.max(1, retryAfter.toSeconds() + (retryAfter.toMillisPart() > 0 ? 1 : 0));
    }
}
