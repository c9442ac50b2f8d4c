package org.kpiledger.platform.tenancy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.kpiledger.platform.web.ProblemResponses;
import org.kpiledger.platform.web.ProblemType;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Finds the tenant of a request: {@code /t/{tenantId}/…} is that tenant's, anything else the default tenant's. The
 * prefix is presented to everything after this filter as part of the context path, so controllers, the access table,
 * redirects, cookies and the pages' links work within the tenant unchanged. An unknown tenant answers 404
 * {@code TENANT_NOT_FOUND}, a suspended one 410 {@code TENANT_SUSPENDED} to every request, and a path no feature
 * serves per tenant yet ({@link TenantScopedPaths}) 404 {@code TENANT_FEATURE_NOT_AVAILABLE}.
 */
class TenantPathFilter extends OncePerRequestFilter {

    static final String PREFIX = "/t/";

    private final TenantDirectory directory;
    private final String defaultTenant;
    private final List<PathPattern> scopedPaths;
    private final ProblemResponses problems;

    TenantPathFilter(TenantDirectory directory, String defaultTenant, List<String> scopedPaths,
            ProblemResponses problems) {
        this.directory = directory;
        this.defaultTenant = defaultTenant;
        this.scopedPaths = scopedPaths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contextPath = request.getContextPath();
        String path = request.getRequestURI().substring(contextPath.length());
        if (!path.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        int end = path.indexOf('/', PREFIX.length());
        String tenantId = path.substring(PREFIX.length(), end < 0 ? path.length() : end);
        Optional<TenantDirectory.Status> status = TenantCode.isValid(tenantId) ? directory.status(tenantId)
                : Optional.empty();
        if (status.isEmpty()) {
            refuse(response, ProblemType.TENANT_NOT_FOUND,
                    "This deployment hosts no tenant '" + tenantId + "'.");
            return;
        }
        if (status.get() == TenantDirectory.Status.SUSPENDED) {
            refuse(response, ProblemType.TENANT_SUSPENDED,
                    "The tenant " + tenantId + " is suspended: its ledger is neither read nor written here.");
            return;
        }
        if (end < 0) {
            response.sendRedirect(request.getRequestURI() + "/");
            return;
        }
        String within = path.substring(end);
        if (!tenantId.equals(defaultTenant) && !servedPerTenant(within)) {
            refuse(response, ProblemType.TENANT_FEATURE_NOT_AVAILABLE,
                    "Under a tenant's prefix this deployment serves the tenant's accounts so far; " + within
                            + " is served for the default tenant only.");
            return;
        }
        String tenantContextPath = contextPath + path.substring(0, end);
        // the default tenant's own prefix is the unprefixed ledger: it leaves the thread at the default tenant
        try (CurrentTenant.Scope scope = CurrentTenant.open(tenantId.equals(defaultTenant) ? null : tenantId)) {
            chain.doFilter(new HttpServletRequestWrapper(request) {
                @Override
                public String getContextPath() {
                    return tenantContextPath;
                }

                @Override
                public String getServletPath() {
                    return within;
                }

                @Override
                public String getPathInfo() {
                    return null;
                }
            }, response);
        }
    }

    private boolean servedPerTenant(String path) {
        PathContainer container = PathContainer.parsePath(path);
        return scopedPaths.stream().anyMatch(pattern -> pattern.matches(container));
    }

    private void refuse(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        problems.write(response, type.problem(detail, null));
    }
}
