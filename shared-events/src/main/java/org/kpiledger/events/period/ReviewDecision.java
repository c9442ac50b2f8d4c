package org.kpiledger.events.period;

/** What the planning division decided on a department's submission. */
public enum ReviewDecision {
    /** The figures are accepted as submitted. */
    APPROVE,
    /** The figures go back to the department, with a comment saying what to check. */
    RETURN
}
