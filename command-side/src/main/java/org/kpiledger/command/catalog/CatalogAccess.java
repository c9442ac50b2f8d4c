package org.kpiledger.command.catalog;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Planners import the strategy's catalog. */
@Component
class CatalogAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/catalogs", LedgerRole.PLANNER));
    }
}
