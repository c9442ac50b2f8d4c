package org.kpiledger.platform.replica;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.springframework.http.server.PathContainer;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Sends the reads the features named to the replica. It runs after the security filters, so that the session and
 * the account behind a request are read on the primary: a browser that has just signed in is known at once.
 */
class ReplicaReadFilter extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD");

    private final List<PathPattern> paths;

    ReplicaReadFilter(List<String> paths) {
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ReplicaReads.Scope scope = ReplicaReads.open(onReplica(request))) {
            chain.doFilter(request, response);
        }
    }

    private boolean onReplica(HttpServletRequest request) {
        if (!READS.contains(request.getMethod())) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI().substring(
                request.getContextPath().length()));
        return paths.stream().anyMatch(pattern -> pattern.matches(path));
    }
}
