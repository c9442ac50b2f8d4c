/**
 * The contract of the ledger's own stream: acknowledged breaks, published reports, changes of the chain's scheme.
 */
package org.kpiledger.events.integrity;
