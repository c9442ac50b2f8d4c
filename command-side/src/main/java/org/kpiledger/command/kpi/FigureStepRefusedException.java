package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

/** A step of the reporting cycle that a KPI's figure of the year cannot take in the status it is in. */
public class FigureStepRefusedException extends KpiRuleViolation {

    FigureStepRefusedException(ProblemType code, String field, String message) {
        super(code, field, message);
    }
}
