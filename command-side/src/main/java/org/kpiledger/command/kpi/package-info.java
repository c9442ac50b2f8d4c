/**
 * The {@code Kpi} aggregate: the rules a KPI's history keeps (actuals, corrections, targets, placement, owner),
 * decided on the one fold of its events ({@code KpiState}).
 */
package org.kpiledger.command.kpi;
