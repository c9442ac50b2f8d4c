package org.kpiledger.query.strategy;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.springframework.stereotype.Component;

/** The strategy tree is published; as it stood on a past date, it is for committees and auditors. */
@Component
class StrategyAccess implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.pastState("/api/v1/strategies/*"),
                AccessRule.read("/api/v1/strategies/*"));
    }
}
