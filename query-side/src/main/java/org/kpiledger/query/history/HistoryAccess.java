package org.kpiledger.query.history;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who changed what is for auditors; the changes between two dates for committees and auditors. */
@Component
class HistoryAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.GET, "/api/v1/kpis/*/history", LedgerRole.AUDITOR),
                AccessRule.role(HttpMethod.GET, "/api/v1/audit/events", LedgerRole.AUDITOR),
                AccessRule.role(HttpMethod.GET, "/api/v1/changes", LedgerRole.COMMITTEE, LedgerRole.AUDITOR));
    }
}
