package org.kpiledger.command.period.web;

import java.util.List;
import org.kpiledger.platform.security.AccessRule;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.tenancy.ServedPerTenant;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who takes which step of the reporting cycle: planners open, review, publish and reopen; staff send their
 * department's figures and submit them (their own department's, checked by each KPI and by the submission); planners
 * may send figures too; the committee gives opinions. The pages' forms (under {@code /entry/periods}) follow the
 * same table.
 */
@Component
class PeriodCommandAccess implements ServedPerTenant {

    private static final String PERIOD = "/api/v1/strategies/*/periods/*";
    private static final String PAGES = "/entry/periods/*/*";

    @Override
    public List<AccessRule> rules() {
        return List.of(
                AccessRule.role(HttpMethod.POST, "/api/v1/strategies/*/periods", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PERIOD + "/figures", LedgerRole.STAFF, LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PERIOD + "/late-figures", LedgerRole.STAFF, LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PERIOD + "/departments/*/submission", LedgerRole.STAFF),
                AccessRule.role(HttpMethod.POST, PERIOD + "/departments/*/review", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PERIOD + "/opinions", LedgerRole.COMMITTEE),
                AccessRule.role(HttpMethod.POST, PERIOD + "/publication", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PERIOD + "/reopenings", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.GET, PAGES + "/departments/*", LedgerRole.STAFF, LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PAGES + "/departments/*/figures", LedgerRole.STAFF,
                        LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PAGES + "/departments/*/sheet", LedgerRole.STAFF, LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PAGES + "/departments/*/submission", LedgerRole.STAFF),
                AccessRule.role(HttpMethod.POST, PAGES + "/departments/*/review", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PAGES + "/opinions", LedgerRole.COMMITTEE),
                AccessRule.role(HttpMethod.POST, PAGES + "/publication", LedgerRole.PLANNER),
                AccessRule.role(HttpMethod.POST, PAGES + "/reopenings", LedgerRole.PLANNER));
    }
}
