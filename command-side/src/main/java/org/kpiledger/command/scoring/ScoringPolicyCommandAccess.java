package org.kpiledger.command.scoring;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** A city's grading rule is defined by the planning division, as it adopts one. */
@Component
class ScoringPolicyCommandAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(AccessRule.role(HttpMethod.POST, "/api/v1/scoring-policies", LedgerRole.PLANNER));
    }
}
