/**
 * The entry form of the dashboard: staff record and correct their department's actuals in the browser, on the
 * KPI's own event stream.
 */
package org.kpiledger.command.entry;
