package org.kpiledger.events.integrity;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/**
 * A committee published a report of the ledger: the progress of every KPI as the ledger stood at {@code position}
 * (the last event it includes) and {@code asOf}, the checkpoint that covered the log then, and the SHA-256 of the
 * published view, which anyone can have recomputed later.
 */
@Revision("1")
public record ReportPublishedEvent(String publicationId, String title, Instant asOf, long position,
                                   long checkpointSize, String checkpointRootHash, String viewHash)
        implements IntegrityEvent {
}
