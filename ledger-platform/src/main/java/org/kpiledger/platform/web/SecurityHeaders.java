package org.kpiledger.platform.web;

import java.util.Map;

/**
 * The headers every answer carries, whether Spring Security wrote it or Tomcat refused the request before it reached
 * Spring: no sniffing, no framing, a content security policy that allows this site's own scripts only.
 */
public final class SecurityHeaders {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** What Spring Security writes on every answer it handles, for the answers it never sees. */
    public static final Map<String, String> FOR_EVERY_ANSWER = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");

    private SecurityHeaders() {
    }
}
