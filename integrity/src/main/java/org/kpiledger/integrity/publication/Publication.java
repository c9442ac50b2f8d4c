package org.kpiledger.integrity.publication;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.integrity.PublishReportCommand;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.platform.tenancy.TenantStreamLocks;

/** A published report of the ledger: one event, never changed afterwards. */
@Aggregate(type = StreamTypes.PUBLICATION, lockFactory = TenantStreamLocks.BEAN)
class Publication {

    @AggregateIdentifier
    private String publicationId;

    protected Publication() {
    }

    @CommandHandler
    Publication(PublishReportCommand command) {
        apply(new ReportPublishedEvent(command.publicationId(), command.title(), command.asOf(), command.position(),
                command.checkpointSize(), command.checkpointRootHash(), command.viewHash()));
    }

    @EventSourcingHandler
    void on(ReportPublishedEvent event) {
        publicationId = event.publicationId();
    }
}
