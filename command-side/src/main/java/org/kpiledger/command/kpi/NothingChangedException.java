package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

class NothingChangedException extends KpiRuleViolation {

    NothingChangedException(String field, String message) {
        super(ProblemType.NOTHING_CHANGED, field, message);
    }
}
