package org.kpiledger.events.kpi;

/** Which way the figure should move for the KPI to improve. */
public enum Direction {
    INCREASE,
    DECREASE,
    MAINTAIN
}
