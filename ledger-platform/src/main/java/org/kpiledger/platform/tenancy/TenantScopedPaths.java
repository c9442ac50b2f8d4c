package org.kpiledger.platform.tenancy;

import java.util.List;

/**
 * The paths a feature serves under a tenant's prefix because every table they read and write is kept apart by
 * tenant. A path no feature names is served for the default tenant only, and refused under another tenant's prefix:
 * tenants are opened feature by feature, never by a path that would show the default tenant's rows.
 */
@FunctionalInterface
public interface TenantScopedPaths {

    /** Path patterns, as {@link org.springframework.web.util.pattern.PathPattern} reads them. */
    List<String> servedPerTenant();
}
