package org.kpiledger.query.deadletter;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * {@code DEGRADED} while any projection has parked events: the service answers, but some KPIs' views are behind
 * their history until an operator fixes the cause and retries. Mapped to HTTP 200, so that an orchestrator does not
 * restart a service that a restart would not heal. The queues are counted in the background every few seconds, so
 * that a health check never waits on a database that is away (the database's own indicator says so at once).
 */
@Component("deadLettersHealthIndicator")
class DeadLetterHealthIndicator implements HealthIndicator, SmartLifecycle {

    static final Status DEGRADED = new Status("DEGRADED", "Some events are parked in a dead-letter queue");
    private static final Duration REFRESH = Duration.ofSeconds(2);

    private final DeadLetters deadLetters;
    private volatile Health last = Health.unknown().build();
    private ScheduledExecutorService counter;

    DeadLetterHealthIndicator(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public Health health() {
        return last;
    }

    private void count() {
        try {
            Map<String, Long> counts = deadLetters.counts();
            boolean parked = counts.values().stream().anyMatch(count -> count > 0);
            last = Health.status(parked ? DEGRADED : Status.UP).withDetails(Map.copyOf(counts)).build();
        } catch (RuntimeException unreadable) {
            last = Health.down().withDetail("deadLetters", "cannot be read: " + unreadable.getClass().getSimpleName())
                    .build();
        }
    }

    @Override
    public void start() {
        count();
        counter = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "dead-letter-health");
            thread.setDaemon(true);
            return thread;
        });
        counter.scheduleWithFixedDelay(this::count, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        counter.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return counter != null && !counter.isShutdown();
    }
}
