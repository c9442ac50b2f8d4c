package org.kpiledger.platform.events.upcasting;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * The last step of the upcaster chain: an event still at a revision this release does not know once every upcaster
 * ran (written by a newer release, then rolled back; or a stored row gone wrong) is not read as if it were the
 * current one. It is renamed to a type no class has, {@value #PREFIX} + its revision + its type, so that it reaches
 * handlers as an unknown type: the projections park it in their dead-letter queue and the aggregate refuses writes
 * ({@code EVENT_UNREADABLE}), instead of guessing at its fields.
 */
public class UnknownRevisionUpcaster extends SingleEventUpcaster {

    public static final String PREFIX = "unreadable-revision:";
    private static final AnnotationRevisionResolver REVISIONS = new AnnotationRevisionResolver();
    private final Map<String, Optional<String>> currentRevisions = new ConcurrentHashMap<>();

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        Optional<String> current = currentRevisions.computeIfAbsent(representation.getType().getName(),
                UnknownRevisionUpcaster::currentRevision);
        return current.isPresent() && !Objects.equals(current.get(), representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(PREFIX + representation.getType().getRevision()
                + ":" + representation.getType().getName(), representation.getType().getRevision()), byte[].class,
                Function.identity());
    }

    /** The revision the class of that name declares, or empty when no class has the name. */
    private static Optional<String> currentRevision(String typeName) {
        try {
            return Optional.ofNullable(REVISIONS.revisionOf(Class.forName(typeName, false,
                    UnknownRevisionUpcaster.class.getClassLoader())));
        } catch (ClassNotFoundException | LinkageError unknownType) {
            return Optional.empty();
        }
    }
}
