package org.kpiledger.query.period;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * A period's progress (who has submitted, who is overdue) is for the city's own people; the changes made after
 * publication, with the names of who made them, for auditors, the committee and the planning division; the period's
 * page likewise, its review page for the planning division. A published report's page is published like the report.
 */
@Component
class PeriodAccess implements ServedPerTenant {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.signedIn(HttpMethod.GET, "/api/v1/strategies/*/periods"),
                AccessRule.signedIn(HttpMethod.GET, "/api/v1/strategies/*/periods/*"),
                AccessRule.role(HttpMethod.GET, "/api/v1/strategies/*/periods/*/changes-since-publication",
                        LedgerRole.AUDITOR, LedgerRole.COMMITTEE, LedgerRole.PLANNER),
                AccessRule.signedIn(HttpMethod.GET, "/periods/*/*"),
                AccessRule.read("/reports/*"),
                AccessRule.role(HttpMethod.GET, "/periods/*/*/departments/*/review", LedgerRole.PLANNER));
    }
}
