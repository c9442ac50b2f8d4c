/**
 * Reads from a streaming replica of PostgreSQL: the public reads a feature names run on the replica when one is
 * configured ({@code kpi-ledger.read-replica.url}); everything else, writes and projections, on the primary.
 */
package org.kpiledger.platform.replica;
