package org.kpiledger.events.integrity;

import org.axonframework.serialization.Revision;

/**
 * The ledger moved its hash chain to another scheme (docs/integrity.md, "Schemes"): from then on every stored event
 * is hashed as the new scheme says, the first event included. The old chain and its checkpoints are kept, read-only;
 * this event records how far they went and what sealed them, so that the two chains are joined in the history
 * itself. Emitted once, by the service, when it first starts on a store of the earlier scheme.
 *
 * @param previousScheme     the scheme the ledger used until now
 * @param scheme             the scheme it uses from now on
 * @param previousEntries    how many entries the old chain held
 * @param previousHead       the old chain's last hash, in hex
 * @param previousCheckpoint the old chain's newest signed checkpoint (a signed note), or null if it had none
 * @param acknowledgedBreaks breaks of the old chain that administrators had acknowledged before the move
 */
@Revision("1")
public record HashChainSchemeChangedEvent(int previousScheme, int scheme, long previousEntries, String previousHead,
                                          String previousCheckpoint, int acknowledgedBreaks)
        implements IntegrityEvent {
}
