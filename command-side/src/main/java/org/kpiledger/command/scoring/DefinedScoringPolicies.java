package org.kpiledger.command.scoring;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.kpiledger.events.scoring.ScoringPolicyDefinedEvent;
import org.kpiledger.events.scoring.ScoringPolicyEvent;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.scoring.ScoringPolicy;
import org.springframework.stereotype.Component;

/**
 * A scoring policy version, shipped or defined by the city, as the command side decides with it: a defined one read
 * from its own stream, never from a read model that may lag.
 */
@Component
public class DefinedScoringPolicies {

    private final ScoringPolicies shipped;
    private final EventStore eventStore;

    DefinedScoringPolicies(ScoringPolicies shipped, EventStore eventStore) {
        this.shipped = shipped;
        this.eventStore = eventStore;
    }

    public Optional<ScoringPolicy> find(String id, int version) {
        Optional<ScoringPolicy> found = shipped.find(id, version);
        if (found.isPresent()) {
            return found;
        }
        return eventStore.readEvents(ScoringPolicyEvent.streamOf(id, version)).asStream()
                .map(event -> event.getPayload())
                .filter(ScoringPolicyDefinedEvent.class::isInstance)
                .map(defined -> ScoringPolicies.parse(((ScoringPolicyDefinedEvent) defined).definition()))
                .findFirst();
    }

    public ScoringPolicy defaultPolicy() {
        return shipped.defaultPolicy();
    }

    /** Whether the version is taken: shipped, or defined before. */
    boolean exists(String id, int version) {
        return shipped.ships(id, version)
                || eventStore.lastSequenceNumberFor(ScoringPolicyEvent.streamOf(id, version)).isPresent();
    }
}
