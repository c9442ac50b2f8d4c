/**
 * The write API of KPIs: registration, actuals, corrections, targets, placement and owner, with their access rules
 * and problems.
 */
package org.kpiledger.command.kpi.web;
