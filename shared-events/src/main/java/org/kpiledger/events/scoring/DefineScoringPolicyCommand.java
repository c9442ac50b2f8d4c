package org.kpiledger.events.scoring;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Define a scoring policy version; see {@link ScoringPolicyDefinedEvent}. */
public record DefineScoringPolicyCommand(@TargetAggregateIdentifier String stream, String policyId, int version,
        String definition) {
}
