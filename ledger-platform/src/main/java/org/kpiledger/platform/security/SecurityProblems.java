package org.kpiledger.platform.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.kpiledger.platform.web.DatabaseUnavailable;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The refusals of the security filters as problem details: 401 {@code UNAUTHENTICATED} with the challenges the
 * client may answer, 429 {@code TOO_MANY_LOGIN_FAILURES} with {@code Retry-After}, 403 {@code FORBIDDEN} naming
 * the role the endpoint asks for, and 403 {@code CSRF_TOKEN_INVALID} for a form without its token.
 */
class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REASON = "reason";

    private final ProblemResponses responses;
    private final boolean bearerTokens;
    /** A browser asking for a page is sent to the login form, and back to the page after signing in. */
    private final LoginUrlAuthenticationEntryPoint signInFirst = new LoginUrlAuthenticationEntryPoint("/login");

    private final AccessTable table;

    SecurityProblems(ProblemResponses responses, boolean bearerTokens, AccessTable table) {
        this.responses = responses;
        this.bearerTokens = bearerTokens;
        this.table = table;
        signInFirst.setFavorRelativeUris(true);
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException, ServletException {
        if (DatabaseUnavailable.isCause(refusal)) {
            // the credentials could not be checked at all: that is no answer about them
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
            responses.write(response, DatabaseUnavailable.problem());
            return;
        }
        if (PageRequests.isPage(request) && !(refusal instanceof LoginThrottledException)) {
            signInFirst.commence(request, response, refusal);
            return;
        }
        if (refusal instanceof LoginThrottledException throttled) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(throttled.retryAfterSeconds()));
            responses.write(response, ProblemType.TOO_MANY_LOGIN_FAILURES.problem(throttled.getMessage(), null));
            return;
        }
        boolean sentBearer = bearerTokens && String.valueOf(request.getHeader(HttpHeaders.AUTHORIZATION))
                .regionMatches(true, 0, "Bearer ", 0, 7);
        response.addHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kpi-ledger\", charset=\"UTF-8\"");
        if (bearerTokens) {
            response.addHeader(HttpHeaders.WWW_AUTHENTICATE,
                    sentBearer ? "Bearer realm=\"kpi-ledger\", error=\"invalid_token\"" : "Bearer realm=\"kpi-ledger\"");
        }
        String detail = request.getHeader(HttpHeaders.AUTHORIZATION) == null
                ? "Sign in first: send a username and password (HTTP Basic)"
                        + (bearerTokens ? " or a bearer token of the city's identity provider." : ".")
                : sentBearer ? "The bearer token is not valid here: expired, not signed by the identity provider, "
                        + "or issued for another service."
                        : "The username or password is not right, or the account is disabled.";
        responses.write(response, ProblemType.UNAUTHENTICATED.problem(detail, null));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        Optional<AccessRule> roleRule = table.ruleFor(request).filter(rule -> rule.access() == AccessRule.Access.ROLE);
        if (PageRequests.isPage(request)) {
            PageRequests.writeRefusal(response, refusal instanceof CsrfException
                    ? "This form was sent without its CSRF token, or with an old one (the session may have ended): "
                            + "reload the page and send it again."
                    : refusalDetail(request, roleRule));
            return;
        }
        if (refusal instanceof CsrfException) {
            responses.write(response, ProblemType.CSRF_TOKEN_INVALID.problem(
                    "This form was sent without its CSRF token, or with an old one; reload the page and send it again.",
                    "_csrf"));
            return;
        }
        ProblemDetail problem = ProblemType.FORBIDDEN.problem(refusalDetail(request, roleRule), null);
        problem.setProperty(REASON, roleRule.isPresent() ? "MISSING_ROLE" : "NO_RULE");
        roleRule.ifPresent(rule -> problem.setProperty("requiredRoles",
                rule.roles().stream().map(Enum::name).sorted().toList()));
        responses.write(response, problem);
    }

    /** The role the deciding rule asks for; without a role rule, that no rule opens the request to anybody. */
    private static String refusalDetail(HttpServletRequest request, Optional<AccessRule> roleRule) {
        return roleRule
                .map(rule -> "This needs the role "
                        + rule.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(" or "))
                        + "; you have " + LedgerPrincipal.current().map(user -> user.roles().isEmpty() ? "no role"
                                : LedgerRole.joined(user.roles())).orElse("no role") + ".")
                .orElse("No rule of the access table opens " + request.getMethod() + " on this path to anybody: "
                        + "see docs/security.md for the doors there are.");
    }
}
