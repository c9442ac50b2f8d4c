package org.kpiledger.events.integrity;

/** Something that happened to the ledger as a whole (its stream is {@link #LEDGER}), or a report published of it. */
public sealed interface IntegrityEvent permits IntegrityBreakAcknowledgedEvent, ReportPublishedEvent,
        HashChainSchemeChangedEvent {

    /** The stream of the ledger's own events. */
    String LEDGER = "ledger";
}
