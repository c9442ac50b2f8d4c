package org.kpiledger.command.strategy.web;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Planners adopt the scoring policies of a plan, revise its period and retire its parts. */
@Component
class StrategyCommandAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/strategies/*/scoring-policies", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.PUT, "/api/v1/strategies/*/period", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, "/api/v1/strategies/*/goals/*/retirement", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, "/api/v1/strategies/*/policies/*/retirement", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, "/api/v1/strategies/*/policies/*/measures/*/retirement",
                        LedgerRole.PLANNER));
    }
}
