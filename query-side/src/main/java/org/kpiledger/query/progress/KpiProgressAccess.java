package org.kpiledger.query.progress;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.AccessRules;
import org.springframework.stereotype.Component;

/** Current progress is published (JSON, CSV, XLSX); a past state is for committees and auditors. */
@Component
class KpiProgressAccess implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.pastState("/api/v1/kpis"),
                AccessRule.pastState("/api/v1/kpis/*"),
                AccessRule.read("/api/v1/kpis"),
                AccessRule.read("/api/v1/kpis/*"));
    }
}
