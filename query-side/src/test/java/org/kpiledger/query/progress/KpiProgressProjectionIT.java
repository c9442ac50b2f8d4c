package org.kpiledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.query.scoring.Grader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

/** The kpi-progress projection, fed from the real event store on PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class KpiProgressProjectionIT {

    private static final KpiId KPI = new KpiId("1-2-1-01");
    private static final String UNIT = "人";

    @Autowired
    private EventStore eventStore;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private KpiProgressRepository repository;
    @Autowired
    private KpiProgressProjection projection;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private StrategyLabels labels;
    @Autowired
    private Grader grader;

    @Test
    void projectsAKpisHistoryAndRebuildsTheSameViewOnReplay() {
        Target original = new Target(FiscalYear.of(2019), Quantity.of("160", UNIT), TargetComparator.AT_LEAST);
        Target revised = new Target(FiscalYear.of(2020), Quantity.of("200", UNIT), TargetComparator.AT_LEAST);
        append(List.of(
                new KpiRegisteredEvent(KPI, "施設利用会員数", UNIT, Accumulation.LEVEL, Direction.INCREASE,
                        new Baseline(FiscalYear.of(2014), null, "—"), original, null),
                new ActualRecordedEvent(KPI, FiscalYear.of(2016), Quantity.of("120", UNIT), "開設初年度", "ref-1"),
                new ActualRecordedEvent(KPI, FiscalYear.of(2017), Quantity.of("150", UNIT), null, null),
                new ActualCorrectedEvent(KPI, FiscalYear.of(2016), Quantity.of("120", UNIT),
                        Quantity.of("118", UNIT), "退会者2名の計上漏れ"),
                new TargetRevisedEvent(KPI, original, revised, "利用好調", "区議会 議決 第12号")));

        KpiProgressView view = awaitVersion(4);

        assertThat(view.baseline()).isEqualTo(new KpiProgressView.Baseline(2014, null, "—"));
        assertThat(view.target().fiscalYear()).isEqualTo(2020);
        assertThat(view.target().value()).isEqualByComparingTo("200");
        assertThat(view.actuals()).extracting(KpiProgressView.Actual::fiscalYear).containsExactly(2016, 2017);
        KpiProgressView.Actual corrected = view.actuals().get(0);
        assertThat(corrected.value()).isEqualByComparingTo("118");
        assertThat(corrected.recordedBy()).isEqualTo("clerk-1");
        assertThat(corrected.corrections()).isEqualTo(1);
        assertThat(corrected.lastCorrectedBy()).isEqualTo("clerk-3");
        assertThat(corrected.lastCorrectionReason()).isEqualTo("退会者2名の計上漏れ");
        assertThat(view.latestActual().fiscalYear()).isEqualTo(2017);

        StreamingEventProcessor processor =
                processing.eventProcessor(KpiProgressProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                        .orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        assertThat(repository.count()).isZero();
        processor.start();

        assertThat(awaitVersion(4)).isEqualTo(view);
    }

    @Test
    void ignoresAnEventItHasAlreadyApplied() {
        KpiId kpi = new KpiId("1-2-1-02");
        KpiRegisteredEvent registered = new KpiRegisteredEvent(kpi, "就職者数", UNIT, Accumulation.ANNUAL,
                Direction.INCREASE, new Baseline(FiscalYear.of(2014), Quantity.of("10", UNIT), null),
                new Target(FiscalYear.of(2019), Quantity.of("20", UNIT), TargetComparator.AT_LEAST), null);
        transaction.executeWithoutResult(status -> {
            projection.on(registered, 0, Instant.parse("2016-04-01T00:00:00Z"));
            projection.on(new ActualRecordedEvent(kpi, FiscalYear.of(2015), Quantity.of("12", UNIT), null, null), 1,
                    Instant.parse("2016-04-02T00:00:00Z"), "clerk");
            projection.on(new ActualCorrectedEvent(kpi, FiscalYear.of(2015), Quantity.of("12", UNIT),
                    Quantity.of("99", UNIT), "delivered twice"), 1, Instant.parse("2016-04-03T00:00:00Z"),
                    "clerk");
        });

        KpiProgressView view = transaction.execute(status -> repository.findById(kpi.value()).orElseThrow().view(labels.load(), grader.load()));
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.latestActual().value()).isEqualByComparingTo("12");
        assertThat(view.latestActual().corrections()).isZero();
    }

    private void append(List<KpiEvent> events) {
        transaction.executeWithoutResult(status -> {
            for (int sequence = 0; sequence < events.size(); sequence++) {
                eventStore.publish(new GenericDomainEventMessage<>("Kpi", KPI.value(), sequence,
                        events.get(sequence), Map.of(AxonPlatformConfiguration.ACTOR, "clerk-" + sequence)));
            }
        });
    }

    private KpiProgressView awaitVersion(long version) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> transaction.execute(status -> repository.findById(KPI.value()).map(kpi -> kpi.view(labels.load(), grader.load()))),
                        found -> found.filter(view -> view.version() == version).isPresent())
                .orElseThrow();
    }
}
