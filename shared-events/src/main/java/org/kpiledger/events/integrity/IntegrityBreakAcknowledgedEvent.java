package org.kpiledger.events.integrity;

import org.axonframework.serialization.Revision;

/**
 * An operator acknowledged that the stored history no longer verifies: the first mismatch as verification named it,
 * and why writing may go on. The history stays as it is; verification keeps reporting the break.
 */
@Revision("1")
public record IntegrityBreakAcknowledgedEvent(long position, String mismatch, String reason)
        implements IntegrityEvent {
}
