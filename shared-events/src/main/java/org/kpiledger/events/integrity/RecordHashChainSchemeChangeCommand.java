package org.kpiledger.events.integrity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the ledger moved its hash chain to another scheme; sent by the service itself, once. */
public record RecordHashChainSchemeChangeCommand(@TargetAggregateIdentifier String ledger, int previousScheme,
                                                 int scheme, long previousEntries, String previousHead,
                                                 String previousCheckpoint, int acknowledgedBreaks) {
}
