package org.kpiledger.integrity.ledger;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.integrity.AcknowledgeIntegrityBreakCommand;
import org.kpiledger.events.integrity.HashChainSchemeChangedEvent;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.events.integrity.RecordHashChainSchemeChangeCommand;
import org.kpiledger.platform.tenancy.TenantStreamLocks;

/** The ledger's own stream: acknowledgements of breaks in its history, changes of its chain's scheme. */
@Aggregate(type = StreamTypes.LEDGER_INTEGRITY, lockFactory = TenantStreamLocks.BEAN)
class LedgerIntegrity {

    @AggregateIdentifier
    private String ledger;

    protected LedgerIntegrity() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(AcknowledgeIntegrityBreakCommand command) {
        apply(new IntegrityBreakAcknowledgedEvent(command.position(), command.mismatch(), command.reason(),
                command.kind(), command.evidence()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(RecordHashChainSchemeChangeCommand command) {
        apply(new HashChainSchemeChangedEvent(command.previousScheme(), command.scheme(), command.previousEntries(),
                command.previousHead(), command.previousCheckpoint(), command.acknowledgedBreaks()));
    }

    @EventSourcingHandler
    void on(IntegrityEvent event) {
        ledger = IntegrityEvent.LEDGER;
    }
}
