/**
 * Published reports: the progress of every KPI folded from the events up to a position, hashed, signed by a
 * checkpoint, and recomputed on demand to verify it.
 */
package org.kpiledger.integrity.publication;
