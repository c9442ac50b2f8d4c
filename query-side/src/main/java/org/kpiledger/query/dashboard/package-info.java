/**
 * The dashboard's pages: the overview, a KPI's page with its chart, changes between dates and the audit page.
 */
package org.kpiledger.query.dashboard;
