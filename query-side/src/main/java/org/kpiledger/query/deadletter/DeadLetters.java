package org.kpiledger.query.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** The dead letters of every event processor: what is parked, and retrying it once the cause is fixed. */
@Component
public class DeadLetters {

    static final String GAUGE = "kpi_ledger.dead_letters";

    private final EventProcessingConfiguration processing;
    private final MeterRegistry meters;

    DeadLetters(EventProcessingConfiguration processing, MeterRegistry meters) {
        this.processing = processing;
        this.meters = meters;
    }

    /** Dead letters waiting, by processing group (every group is listed, also with none). */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        for (String group : groups()) {
            counts.put(group, processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L));
        }
        return counts;
    }

    List<DeadLetterView> list() {
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : groups()) {
            processing.deadLetterQueue(group).ifPresent(queue -> {
                for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
                    for (DeadLetter<? extends EventMessage<?>> letter : sequence) {
                        letters.add(view(group, letter));
                    }
                }
            });
        }
        return letters;
    }

    /**
     * Hands every parked sequence back to its projection, oldest event first; a sequence that fails again stays
     * parked, with its new cause.
     */
    List<RetryResult> retry() {
        List<RetryResult> results = new ArrayList<>();
        for (String group : groups()) {
            var queue = processing.deadLetterQueue(group);
            var processor = processing.sequencedDeadLetterProcessor(group);
            if (queue.isEmpty() || processor.isEmpty()) {
                continue;
            }
            results.add(retry(group, queue.get(), processor.get()));
        }
        return results;
    }

    private static RetryResult retry(String group, SequencedDeadLetterQueue<EventMessage<?>> queue,
                                     SequencedDeadLetterProcessor<EventMessage<?>> processor) {
        List<String> firstOfEachSequence = new ArrayList<>();
        for (Iterable<DeadLetter<? extends EventMessage<?>>> sequence : queue.deadLetters()) {
            var letters = sequence.iterator();
            if (letters.hasNext()) {
                firstOfEachSequence.add(letters.next().message().getIdentifier());
            }
        }
        int drained = 0;
        for (String eventIdentifier : firstOfEachSequence) {
            if (processor.process(letter -> letter.message().getIdentifier().equals(eventIdentifier))) {
                drained++;
            }
        }
        return new RetryResult(group, firstOfEachSequence.size(), drained, queue.size());
    }

    private Set<String> groups() {
        return new TreeSet<>(processing.eventProcessors().keySet());
    }

    @EventListener(ApplicationReadyEvent.class)
    void registerGauges() {
        for (String group : groups()) {
            Gauge.builder(GAUGE, () -> processing.deadLetterQueue(group).map(SequencedDeadLetterQueue::size).orElse(0L))
                    .tag("processingGroup", group)
                    .description("Events parked in the dead-letter queue of a processing group")
                    .register(meters);
        }
    }

    private static DeadLetterView view(String group, DeadLetter<? extends EventMessage<?>> letter) {
        EventMessage<?> message = letter.message();
        String aggregate = message instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : null;
        Long sequenceNumber = message instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : null;
        return new DeadLetterView(group, aggregate, sequenceNumber, message.getIdentifier(),
                message.getPayloadType().getSimpleName(), message.getTimestamp(),
                letter.cause().map(cause -> cause.message()).orElse(null),
                letter.cause().isPresent() ? "failed" : "waiting behind an earlier dead letter of the same KPI",
                letter.enqueuedAt(), letter.lastTouched());
    }

    /** One parked event: which KPI and event, why it is parked, since when. */
    record DeadLetterView(String processingGroup, String kpiId, Long version, String eventIdentifier,
                          String eventType, Instant recordedAt, String cause, String state, Instant enqueuedAt,
                          Instant lastTouched) {
    }

    record RetryResult(String processingGroup, int sequencesRetried, int sequencesDrained, long deadLettersLeft) {
    }
}
