/**
 * A plan's tree with each KPI's achievement and a roll-up at every level, now and as of any instant.
 */
package org.kpiledger.query.strategy;
