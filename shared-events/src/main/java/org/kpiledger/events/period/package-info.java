/**
 * The contract of a reporting period (効果検証) of a plan for one fiscal year: its sealed events (opened, a
 * department's submission and its review, the committee's opinions, publication, reopening) and their values.
 */
package org.kpiledger.events.period;
