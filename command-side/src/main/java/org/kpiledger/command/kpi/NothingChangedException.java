package org.kpiledger.command.kpi;

class NothingChangedException extends KpiRuleViolation {

    NothingChangedException(String field, String message) {
        super("NOTHING_CHANGED", field, message);
    }
}
