/**
 * The reporting cycle (効果検証) of a plan's fiscal year: the period, the figures in bulk, a department's submission
 * and its review, the committee's opinions, publication with its lock, and reopening by recorded decision.
 */
package org.kpiledger.command.period;
