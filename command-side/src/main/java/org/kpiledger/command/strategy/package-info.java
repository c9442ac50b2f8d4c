/**
 * The {@code Strategy} aggregate: a plan's goals, policies and measures, and the scoring policies it adopts.
 */
package org.kpiledger.command.strategy;
