/**
 * Downloads: the progress of every KPI and the changes between dates as CSV and as the effect verification sheet
 * (XLSX), with spreadsheet formulas neutralised.
 */
package org.kpiledger.query.export;
