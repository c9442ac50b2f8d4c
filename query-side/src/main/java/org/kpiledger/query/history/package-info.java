/**
 * The change history of every KPI and of the ledger: who changed what, when, from what, to what and why; the audit
 * feed and the changes between two instants.
 */
package org.kpiledger.query.history;
