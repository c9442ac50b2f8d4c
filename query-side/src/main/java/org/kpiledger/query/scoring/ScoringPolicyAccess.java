package org.kpiledger.query.scoring;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.springframework.stereotype.Component;

/** The scoring policies are published: anybody may see how a grade was given. */
@Component
class ScoringPolicyAccess implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.read("/api/v1/scoring-policies"));
    }
}
