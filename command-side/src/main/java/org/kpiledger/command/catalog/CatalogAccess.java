package org.kpiledger.command.catalog;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.TenantScopedPaths;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Planners import the strategy's catalog. */
@Component
class CatalogAccess implements AccessRules, TenantScopedPaths {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/catalogs", LedgerRole.PLANNER));
    }

    @Override
    public List<String> servedPerTenant() {
        return paths();
    }
}
