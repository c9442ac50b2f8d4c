package org.kpiledger.command.period;

import org.kpiledger.platform.web.ProblemType;

/** A step of the reporting cycle the period refuses; carries the problem's code and the field at fault. */
public class PeriodRuleException extends RuntimeException {

    private final ProblemType code;
    private final String field;
    private final String reason;

    PeriodRuleException(ProblemType code, String field, String message) {
        this(code, field, message, null);
    }

    private PeriodRuleException(ProblemType code, String field, String message, String reason) {
        super(message);
        this.code = code;
        this.field = field;
        this.reason = reason;
    }

    /** Staff take steps for their own department only: 403, reason {@code OTHER_DEPARTMENT}. */
    static PeriodRuleException otherDepartment(String message) {
        return new PeriodRuleException(ProblemType.FORBIDDEN, "department", message, "OTHER_DEPARTMENT");
    }

    /** Which side of an access rule was broken, for a 403; null otherwise. */
    public String reason() {
        return reason;
    }

    public ProblemType code() {
        return code;
    }

    public String field() {
        return field;
    }
}
