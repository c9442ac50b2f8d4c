package org.kpiledger.platform.events.upcasting;

import java.util.List;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import tools.jackson.databind.node.ObjectNode;

/**
 * One step of an event type whose next revision only added fields: a payload of the stored revision reads with the
 * added fields as {@code null} (the record's compact constructor may give a default) and is marked the next
 * revision. The stored event is not touched: upcasting happens as it is read.
 */
public final class FieldsAddedUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;
    private final List<String> addedFields;

    /** {@code typeName} as stored in {@code payload_type}; {@code fromRevision} the revision before the fields. */
    public FieldsAddedUpcaster(String typeName, int fromRevision, String... addedFields) {
        this.from = new SimpleSerializedType(typeName, Integer.toString(fromRevision));
        this.to = new SimpleSerializedType(typeName, Integer.toString(fromRevision + 1));
        this.addedFields = List.of(addedFields);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return representation.getType().equals(from);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, ObjectNode.class, payload -> {
            addedFields.forEach(payload::putNull);
            return payload;
        });
    }
}
