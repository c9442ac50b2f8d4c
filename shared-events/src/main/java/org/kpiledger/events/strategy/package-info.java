/**
 * The contract of a plan: its commands and sealed events (goals, policies, measures, scoring policies adopted).
 */
package org.kpiledger.events.strategy;
