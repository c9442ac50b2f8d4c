package org.kpiledger.query.scoring;

import java.util.List;
import org.kpiledger.platform.replica.ReplicaReadPaths;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.stereotype.Component;

/**
 * The scoring policies are published: anybody may see how a grade was given. The policies are read from the replica
 * when there is one.
 */
@Component
class ScoringPolicyAccess implements ReplicaReadPaths, ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.read("/api/v1/scoring-policies"));
    }

    @Override
    public List<String> patterns() {
        return List.of("/api/v1/scoring-policies");
    }
}
