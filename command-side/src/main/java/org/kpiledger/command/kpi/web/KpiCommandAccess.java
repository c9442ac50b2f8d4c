package org.kpiledger.command.kpi.web;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who may change a KPI: planners define it, staff record its figures (their own department's, checked by the
 * command).
 */
@Component
class KpiCommandAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/kpis", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, "/api/v1/kpis/*/actuals", LedgerRole.STAFF),
                AccessRule.role(HttpMethod.PUT, "/api/v1/kpis/*/actuals/*", LedgerRole.STAFF),
                AccessRule.role(HttpMethod.PUT, "/api/v1/kpis/*/target", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, "/api/v1/kpis/*/retirement", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.PUT, "/api/v1/kpis/*/placement", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.PUT, "/api/v1/kpis/*/department", LedgerRole.PLANNER));
    }
}
