/**
 * Plans over time: every plan of the ledger with its period, predecessor and successor; a KPI addressed by its plan
 * and code; and one KPI's series read back through its lineage across plans.
 */
package org.kpiledger.query.plans;
