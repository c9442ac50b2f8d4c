package org.kpiledger.events.kpi;

/** What one year's figure of a KPI means. */
public enum Accumulation {
    /** 累計: the running total since the baseline. */
    CUMULATIVE,
    /** 年間: what happened in that fiscal year alone. */
    ANNUAL,
    /** A stock or a rate measured at the end of the fiscal year (a membership count, a percentage). */
    LEVEL
}
