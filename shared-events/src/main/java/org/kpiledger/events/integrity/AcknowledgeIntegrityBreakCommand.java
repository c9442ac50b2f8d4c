package org.kpiledger.events.integrity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Lets writes go on past a verified break of the history; who acknowledges comes from the command's metadata. */
public record AcknowledgeIntegrityBreakCommand(@TargetAggregateIdentifier String ledger, long position, String kind,
                                               String mismatch, String evidence, String reason) {
}
