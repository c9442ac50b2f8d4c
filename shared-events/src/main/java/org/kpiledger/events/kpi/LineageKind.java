package org.kpiledger.events.kpi;

/** How a KPI of a successor plan continues a KPI of the plan before it. */
public enum LineageKind {
    /** The same definition, carried into the new plan. */
    CARRIED_OVER,
    /** The same series under a new name. */
    RENAMED,
    /** The same series measured from a new baseline. */
    REBASED,
    /** A new definition: the series breaks here, and figures before it are not comparable. */
    REDEFINED;

    /** Whether the series reads on through this link (everything but a redefinition). */
    public boolean continuesSeries() {
        return this != REDEFINED;
    }
}
