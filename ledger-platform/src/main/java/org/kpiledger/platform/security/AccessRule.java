package org.kpiledger.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * One row of the access table: the methods and path it covers, and who may call them. A rule covers the methods it
 * names and nothing else, except that a {@code GET} rule covers the {@code HEAD} that shadows it; with
 * {@code parameter}, it applies only to requests that carry that query parameter (such rules are tried first).
 *
 * @param methods the methods, never empty
 * @param pattern a Spring path pattern ({@code /api/v1/kpis/*})
 * @param parameter a query parameter the request must carry, or {@code null}
 * @param access who the rule lets in
 * @param roles with {@link Access#ROLE}, the roles any of which lets a user in
 */
public record AccessRule(Set<HttpMethod> methods, String pattern, String parameter, Access access,
        Set<LedgerRole> roles) {

    /** Who a rule lets in. */
    public enum Access {
        /** Anybody, signed in or not, whatever the deployment says about reads. */
        PUBLIC,
        /**
         * Anybody while current progress is published ({@code kpi-ledger.security.public-read}, the default), any
         * signed-in user otherwise.
         */
        READ,
        /** Any signed-in user. */
        SIGNED_IN,
        /** A signed-in user holding one of the rule's roles (ADMIN holds them all). */
        ROLE
    }

    private static final Map<String, PathPattern> PARSED = new ConcurrentHashMap<>();

    public AccessRule {
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("A rule names its methods: " + pattern);
        }
        Set<HttpMethod> covered = new LinkedHashSet<>(methods);
        if (covered.contains(HttpMethod.GET)) {
            covered.add(HttpMethod.HEAD);
        }
        methods = Set.copyOf(covered);
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        if ((access == Access.ROLE) == roles.isEmpty()) {
            throw new IllegalArgumentException("Only a ROLE rule names roles, and it names at least one: " + pattern);
        }
        parsed(pattern);
    }

    /** Anybody may call it, in every deployment: the login page, health, the public key. */
    public static AccessRule open(String pattern, HttpMethod... methods) {
        return new AccessRule(Set.of(methods), pattern, null, Access.PUBLIC, Set.of());
    }

    /** A published read: public unless the deployment closes current progress to signed-in users. */
    public static AccessRule read(String pattern) {
        return new AccessRule(Set.of(HttpMethod.GET), pattern, null, Access.READ, Set.of());
    }

    public static AccessRule signedIn(HttpMethod method, String pattern) {
        return new AccessRule(Set.of(method), pattern, null, Access.SIGNED_IN, Set.of());
    }

    public static AccessRule role(HttpMethod method, String pattern, LedgerRole first, LedgerRole... others) {
        return new AccessRule(Set.of(method), pattern, null, Access.ROLE, EnumSet.of(first, others));
    }

    /** A read of a past state ({@code ?asOf=}) is for committees and auditors; the present is published. */
    public static AccessRule pastState(String pattern) {
        return new AccessRule(Set.of(HttpMethod.GET), pattern, "asOf", Access.ROLE,
                EnumSet.of(LedgerRole.COMMITTEE, LedgerRole.AUDITOR));
    }

    /** Whether this rule decides the request: its method, its path within the application, its parameter. */
    public boolean matches(HttpServletRequest request) {
        if (!methods.contains(HttpMethod.valueOf(request.getMethod()))) {
            return false;
        }
        if (parameter != null && request.getParameter(parameter) == null) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return parsed(pattern).matches(PathContainer.parsePath(path));
    }

    /** Whether this rule covers the method and path of a handler mapping (its pattern, as the mapping spells it). */
    public boolean covers(HttpMethod method, String mappingPattern) {
        return methods.contains(method)
                && parsed(pattern).matches(PathContainer.parsePath(mappingPattern.replaceAll("\\{[^}]+}", "x")));
    }

    private static PathPattern parsed(String pattern) {
        return PARSED.computeIfAbsent(pattern, PathPatternParser.defaultInstance::parse);
    }

    /** How the rule reads in a refusal and in the documents: {@code GET /api/v1/kpis}. */
    public List<String> describe() {
        return methods.stream().map(HttpMethod::name).sorted().map(method -> method + " " + pattern
                + (parameter == null ? "" : "?" + parameter + "=")).toList();
    }
}
