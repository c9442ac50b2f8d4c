/**
 * The contract of a KPI: its commands, its sealed events, its value types and the one fold of its events.
 */
package org.kpiledger.events.kpi;
