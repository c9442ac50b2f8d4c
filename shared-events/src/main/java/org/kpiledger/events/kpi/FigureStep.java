package org.kpiledger.events.kpi;

/** A step of the reporting cycle taken on one fiscal year's figure of a KPI, and the status it leaves it in. */
public enum FigureStep {
    /** Its department submitted the year's figures. */
    SUBMITTED(FigureStatus.SUBMITTED),
    /** The planning division returned the department's submission with a comment: open to its department again. */
    RETURNED(FigureStatus.RECORDED),
    /** The planning division approved the department's submission. */
    APPROVED(FigureStatus.APPROVED),
    /** The city published the year's report: the figure is final. */
    PUBLISHED(FigureStatus.PUBLISHED),
    /** A recorded decision reopened the published figure for corrections. */
    REOPENED(FigureStatus.REOPENED);

    private final FigureStatus leavesIt;

    FigureStep(FigureStatus leavesIt) {
        this.leavesIt = leavesIt;
    }

    public FigureStatus status() {
        return leavesIt;
    }
}
