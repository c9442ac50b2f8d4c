package org.kpiledger.events.integrity;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records a published report; see {@link ReportPublishedEvent}. */
public record PublishReportCommand(@TargetAggregateIdentifier String publicationId, String title, Instant asOf,
                                   long position, long checkpointSize, String checkpointRootHash, String viewHash) {
}
