package org.kpiledger.query.rebuild;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.kpiledger.platform.security.LedgerRole;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** A rebuild touches a tenant the deployment hosts: the deployment operator's. */
@Component
class TenantRebuildAccess implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/operations/rebuilds", LedgerRole.OPERATOR),
                AccessRule.role(HttpMethod.GET, "/api/v1/operations/rebuilds", LedgerRole.OPERATOR));
    }
}
