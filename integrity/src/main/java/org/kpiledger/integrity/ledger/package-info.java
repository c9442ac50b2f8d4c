/**
 * Tamper evidence on the write side: verification of the hash chain, signed checkpoints, inclusion and consistency
 * proofs, acknowledged breaks, the export and its import.
 */
package org.kpiledger.integrity.ledger;
