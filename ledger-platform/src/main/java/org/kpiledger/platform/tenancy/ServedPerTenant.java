package org.kpiledger.platform.tenancy;

import java.util.List;
import org.kpiledger.platform.security.AccessRules;

/** A feature's access rules whose every path is served under a tenant's prefix as it is at the root. */
public interface ServedPerTenant extends AccessRules, TenantScopedPaths {

    @Override
    default List<String> servedPerTenant() {
        return paths();
    }
}
