package org.kpiledger.platform.events.upcasting;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code IntegrityBreakAcknowledgedEvent} revision 1 to 2: revision 2 added the break's {@code kind} and
 * {@code evidence}, which an acknowledgement of revision 1 did not state; they read as {@code null}, and the
 * acknowledgement keeps naming its break by position and reason. The stored event is not touched: upcasting happens as it is read.
 */
public class IntegrityBreakAcknowledgedUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(
            "org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent", "1");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(REVISION_1.getName(), "2"), ObjectNode.class,
                payload -> payload.putNull("kind").putNull("evidence"));
    }
}
