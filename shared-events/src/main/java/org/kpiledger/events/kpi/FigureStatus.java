package org.kpiledger.events.kpi;

/**
 * Where a fiscal year's figure of a KPI stands in the reporting cycle: recorded (and open to its department),
 * submitted for review, approved by the planning division, published (locked), or reopened for corrections by a
 * recorded decision after publication.
 */
public enum FigureStatus {
    RECORDED,
    SUBMITTED,
    APPROVED,
    PUBLISHED,
    REOPENED;

    /** Whether the figure of the year may be recorded or corrected in this status. */
    public boolean isOpen() {
        return this == RECORDED || this == REOPENED;
    }
}
