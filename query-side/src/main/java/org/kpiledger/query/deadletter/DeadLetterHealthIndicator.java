package org.kpiledger.query.deadletter;

import java.util.Map;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * {@code DEGRADED} while any projection has parked events: the service answers, but some KPIs' views are behind
 * their history until an operator fixes the cause and retries. Mapped to HTTP 200, so that an orchestrator does not
 * restart a service that a restart would not heal.
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Some events are parked in a dead-letter queue");

    private final DeadLetters deadLetters;

    DeadLetterHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        Map<String, Long> counts = deadLetters.counts();
        boolean parked = counts.values().stream().anyMatch(count -> count > 0);
        return Health.status(parked ? DEGRADED : Status.UP).withDetails(Map.copyOf(counts)).build();
    }
}
