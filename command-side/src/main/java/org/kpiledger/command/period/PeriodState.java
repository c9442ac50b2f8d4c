package org.kpiledger.command.period;

/** Where a reporting period stands: open for figures, published (locked), or reopened by decision. */
public enum PeriodState { OPEN, PUBLISHED, REOPENED }
