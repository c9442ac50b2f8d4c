/**
 * Scoring: the shipped policies and the one function that grades a KPI's progress.
 */
package org.kpiledger.scoring;
