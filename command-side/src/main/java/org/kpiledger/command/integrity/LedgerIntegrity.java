package org.kpiledger.command.integrity;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.integrity.AcknowledgeIntegrityBreakCommand;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.IntegrityEvent;

/** The ledger's own stream: acknowledgements of breaks in its history, each an event like any other. */
@Aggregate
class LedgerIntegrity {

    @AggregateIdentifier
    private String ledger;

    protected LedgerIntegrity() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AcknowledgeIntegrityBreakCommand command) {
        apply(new IntegrityBreakAcknowledgedEvent(command.position(), command.mismatch(), command.reason()));
    }

    @EventSourcingHandler
    void on(IntegrityBreakAcknowledgedEvent event) {
        ledger = IntegrityEvent.LEDGER;
    }
}
