package org.kpiledger.events.integrity;

import org.axonframework.serialization.Revision;

/**
 * An operator acknowledged that the stored history no longer verifies: a break as verification named it, and why
 * writing may go on. The history stays as it is; verification keeps reporting the break.
 *
 * <p>Revision 2 added {@code kind} and {@code evidence}, by which, with its position, the break is identified
 * (docs/integrity.md); an acknowledgement of revision 1 has neither and names its break by position and reason, as
 * verification worded it then.
 *
 * @param position the position of the break; for a break of the log as a whole, the size of the checkpoint concerned
 *                 ({@code -1} in revision 1)
 * @param kind     the break's kind, such as {@code ALTERED}; {@code null} in acknowledgements of revision 1
 * @param evidence what tells the break from another of its kind at its place, such as the hash an altered event had
 *                 then; {@code null} in acknowledgements of revision 1
 */
@Revision("2")
public record IntegrityBreakAcknowledgedEvent(long position, String mismatch, String reason, String kind,
                                              String evidence)
        implements IntegrityEvent {
}
