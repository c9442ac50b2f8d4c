package org.kpiledger.command.kpi;

import org.kpiledger.platform.web.ProblemType;

/**
 * A command the KPI refuses because of what is already in its history. Carries a stable code for clients to
 * branch on and the request field at fault.
 */
public abstract class KpiRuleViolation extends RuntimeException {

    private final ProblemType code;
    private final String field;

    protected KpiRuleViolation(ProblemType code, String field, String message) {
        super(message);
        this.code = code;
        this.field = field;
    }

    public ProblemType code() {
        return code;
    }

    public String field() {
        return field;
    }
}
