/**
 * Tamper evidence, all of it: the hash chain and its formats ({@code chain}), verification, checkpoints, proofs,
 * acknowledged breaks, the export and its import ({@code ledger}), and published reports ({@code publication}).
 */
package org.kpiledger.integrity;
