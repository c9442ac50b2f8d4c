package org.kpiledger.platform.events;

import org.axonframework.serialization.UnknownSerializedType;

/**
 * A stored event this release cannot read: of a type it does not know, at a revision it does not know
 * ({@link org.kpiledger.platform.events.upcasting.UnknownRevisionUpcaster}), or whose payload is not the JSON of its
 * type. A projection parks it in its dead-letter queue (the stream's later events wait behind it); an aggregate
 * holding it refuses writes with {@code EVENT_UNREADABLE}.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(UnknownSerializedType unknown) {
        super("A stored event of type " + unknown.serializedType().getName() + " (revision "
                + unknown.serializedType().getRevision() + ") cannot be read by this release");
    }
}
