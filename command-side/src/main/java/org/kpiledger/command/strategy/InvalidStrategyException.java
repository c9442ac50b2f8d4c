package org.kpiledger.command.strategy;

import org.kpiledger.platform.web.ProblemType;

/**
 * A strategy statement or revision the plan refuses: one that contradicts itself (a goal stated twice, a period that
 * ends before it begins), or what the plan's history forbids. Carries the problem's code and the field at fault.
 */
public class InvalidStrategyException extends RuntimeException {

    private final ProblemType code;
    private final String field;

    InvalidStrategyException(String field, String message) {
        this(ProblemType.INVALID_FIELD, field, message);
    }

    InvalidStrategyException(ProblemType code, String field, String message) {
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
