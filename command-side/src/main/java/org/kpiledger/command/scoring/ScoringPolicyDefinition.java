package org.kpiledger.command.scoring;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.scoring.DefineScoringPolicyCommand;
import org.kpiledger.events.scoring.ScoringPolicyDefinedEvent;
import org.kpiledger.events.scoring.ScoringPolicyEvent;
import org.kpiledger.platform.tenancy.TenantStreamLocks;

/** A scoring policy version a city defined: created once, never changed (a second definition is refused). */
@Aggregate(type = StreamTypes.SCORING_POLICY, lockFactory = TenantStreamLocks.BEAN)
class ScoringPolicyDefinition {

    @AggregateIdentifier
    private String stream;

    protected ScoringPolicyDefinition() {
    }

    @CommandHandler
    ScoringPolicyDefinition(DefineScoringPolicyCommand command) {
        apply(new ScoringPolicyDefinedEvent(command.policyId(), command.version(), command.definition()));
    }

    @EventSourcingHandler
    void on(ScoringPolicyDefinedEvent event) {
        stream = ScoringPolicyEvent.streamOf(event.policyId(), event.version());
    }
}
