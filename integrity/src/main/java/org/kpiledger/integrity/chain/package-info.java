/**
 * The formats of tamper evidence both sides and an offline verifier share: chained entries, canonical JSON, the
 * Merkle tree, signed checkpoints.
 */
package org.kpiledger.integrity.chain;
