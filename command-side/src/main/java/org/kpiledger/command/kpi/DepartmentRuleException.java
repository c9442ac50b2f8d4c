package org.kpiledger.command.kpi;

import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.KpiId;

/**
 * A figure the writer may not record or correct: staff write for the KPIs their own department owns, and a KPI
 * that no department owns yet takes no figures until a planner assigns it. Answered 403 {@code FORBIDDEN}.
 */
public class DepartmentRuleException extends RuntimeException {

    /** Which side of the rule was broken, for clients to branch on. */
    public enum Reason { KPI_UNOWNED, OTHER_DEPARTMENT }

    private final Reason reason;

    private DepartmentRuleException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    static DepartmentRuleException unowned(KpiId kpiId) {
        return new DepartmentRuleException(Reason.KPI_UNOWNED, "KPI " + kpiId + " is not owned by any department yet, "
                + "so nobody records its figures; a planner assigns it with PUT /api/v1/kpis/" + kpiId + "/department.");
    }

    static DepartmentRuleException otherDepartment(KpiId kpiId, Department owner, String writerDepartment) {
        return new DepartmentRuleException(Reason.OTHER_DEPARTMENT, "KPI " + kpiId + " is owned by " + owner
                + "; staff record figures only for their own department"
                + (writerDepartment == null ? ", and your account names none." : " (" + writerDepartment + ")."));
    }

    public Reason reason() {
        return reason;
    }
}
