package org.kpiledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what, in one table, first match wins. The security filter chain is configured from it, and a refusal
 * names the role the matching rule asks for. {@link Access#READ} is public while current progress is published
 * ({@code kpi-ledger.security.public-read}, the default), and needs any signed-in user otherwise. Whatever the table
 * does not name needs a signed-in user.
 */
final class EndpointAccess {

    enum Access { PUBLIC, READ, SIGNED_IN, ROLE }

    /** A rule; with {@code parameter}, it applies only to requests that carry that query parameter. */
    record Rule(HttpMethod method, String pattern, String parameter, Access access, Set<LedgerRole> roles) {

        RequestMatcher matcher() {
            RequestMatcher path = method == null ? PathPatternRequestMatcher.pathPattern(pattern)
                    : PathPatternRequestMatcher.pathPattern(method, pattern);
            return parameter == null ? path
                    : request -> path.matches(request) && request.getParameter(parameter) != null;
        }
    }

    static final List<Rule> RULES = List.of(
            open(HttpMethod.GET, "/actuator/health"),
            open(HttpMethod.GET, "/actuator/health/**"),
            open(HttpMethod.GET, "/actuator/info"),
            role(null, "/actuator/**", LedgerRole.ADMIN),
            read("/v3/api-docs/**"),
            read("/swagger-ui.html"),
            read("/swagger-ui/**"),
            open(null, "/error"),
            open(null, "/login"),
            open(HttpMethod.GET, "/css/**"),
            open(HttpMethod.GET, "/js/**"),
            open(HttpMethod.GET, "/webjars/**"),
            open(HttpMethod.GET, "/favicon.ico"),

            role(HttpMethod.POST, "/api/v1/kpis", LedgerRole.PLANNER),
            role(HttpMethod.POST, "/api/v1/kpis/*/actuals", LedgerRole.STAFF),
            role(HttpMethod.PUT, "/api/v1/kpis/*/actuals/*", LedgerRole.STAFF),
            role(HttpMethod.PUT, "/api/v1/kpis/*/target", LedgerRole.PLANNER),
            role(HttpMethod.PUT, "/api/v1/kpis/*/placement", LedgerRole.PLANNER),
            role(HttpMethod.PUT, "/api/v1/kpis/*/department", LedgerRole.PLANNER),
            role(HttpMethod.POST, "/api/v1/strategies/*/scoring-policies", LedgerRole.PLANNER),
            role(HttpMethod.POST, "/api/v1/catalogs", LedgerRole.PLANNER),

            new Rule(HttpMethod.PUT, "/api/v1/users/me/password", null, Access.SIGNED_IN, Set.of()),
            role(HttpMethod.GET, "/api/v1/users/changes", LedgerRole.ADMIN, LedgerRole.AUDITOR),
            role(null, "/api/v1/users", LedgerRole.ADMIN),
            role(null, "/api/v1/users/**", LedgerRole.ADMIN),
            role(null, "/api/v1/operations/**", LedgerRole.ADMIN),

            open(HttpMethod.GET, "/api/v1/integrity/public-key"),
            read("/api/v1/integrity/checkpoints/latest"),
            read("/api/v1/integrity/proof"),
            read("/api/v1/integrity/consistency"),
            role(HttpMethod.GET, "/api/v1/integrity", LedgerRole.AUDITOR),
            role(HttpMethod.POST, "/api/v1/integrity/checkpoints", LedgerRole.AUDITOR, LedgerRole.ADMIN),
            role(HttpMethod.POST, "/api/v1/integrity/acknowledgements", LedgerRole.ADMIN),
            role(HttpMethod.GET, "/api/v1/ledger/export", LedgerRole.AUDITOR),
            role(HttpMethod.POST, "/api/v1/publications", LedgerRole.COMMITTEE),

            role(HttpMethod.GET, "/api/v1/kpis/*/history", LedgerRole.AUDITOR),
            role(HttpMethod.GET, "/api/v1/audit/**", LedgerRole.AUDITOR),
            role(HttpMethod.GET, "/api/v1/changes", LedgerRole.COMMITTEE, LedgerRole.AUDITOR),
            pastState("/api/v1/kpis"),
            pastState("/api/v1/kpis/*"),
            pastState("/api/v1/strategies/*"),

            read("/api/v1/**"),

            pastState("/"),
            pastState("/kpis/*"),
            read("/"),
            read("/kpis/*"),
            role(HttpMethod.GET, "/changes", LedgerRole.COMMITTEE, LedgerRole.AUDITOR),
            role(HttpMethod.GET, "/audit", LedgerRole.AUDITOR),
            role(null, "/entry/**", LedgerRole.STAFF));

    private EndpointAccess() {
    }

    /** The rule that decides a request, if the table names one. */
    static Optional<Rule> ruleFor(HttpServletRequest request) {
        return RULES.stream().filter(rule -> rule.matcher().matches(request)).findFirst();
    }

    private static Rule open(HttpMethod method, String pattern) {
        return new Rule(method, pattern, null, Access.PUBLIC, Set.of());
    }

    private static Rule read(String pattern) {
        return new Rule(HttpMethod.GET, pattern, null, Access.READ, Set.of());
    }

    /** A read of a past state ({@code ?asOf=}) is for committees and auditors; the present is published. */
    private static Rule pastState(String pattern) {
        return new Rule(HttpMethod.GET, pattern, "asOf", Access.ROLE, EnumSet.of(LedgerRole.COMMITTEE,
                LedgerRole.AUDITOR));
    }

    private static Rule role(HttpMethod method, String pattern, LedgerRole first, LedgerRole... others) {
        return new Rule(method, pattern, null, Access.ROLE, EnumSet.of(first, others));
    }
}
