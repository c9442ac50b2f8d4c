package org.kpiledger.query.strategy;

import java.util.List;
import org.kpiledger.platform.replica.ReplicaReadPaths;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.stereotype.Component;

/**
 * The strategy tree is published; as it stood on a past date, it is for committees and auditors. The tree is read
 * from the replica when there is one.
 */
@Component
class StrategyAccess implements ReplicaReadPaths, ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.pastState("/api/v1/strategies/*"),
                AccessRule.read("/api/v1/strategies/*"));
    }

    @Override
    public List<String> patterns() {
        return List.of("/api/v1/strategies/*");
    }
}
