package org.kpiledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
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
import org.kpiledger.query.NotifiedEventSource;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private KpiProgressReader reader;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private KpiProgressProjection projection;
    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void projectsAKpisHistoryAnswersAsOfAnyInstantAndRebuildsTheSameViewOnReplay() {
        KpiProgressView view = givenTheKpisHistory();

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
        assertThat(jdbc.queryForObject("select count(*) from kpi_version", Long.class)).isZero();
        processor.start();

        assertThat(awaitVersion(4)).isEqualTo(view);
    }

    @Test
    void answersWhatTheLedgerSaidAtEachInstantOnBothTimeAxes() {
        givenTheKpisHistory();
        ZoneId tokyo = ZoneId.of("Asia/Tokyo");

        assertThat(reader.one(KPI.value(), AsOf.parse("2016-03-31", tokyo)).kpis()).as("not registered yet").isEmpty();
        KpiProgressView beforeCorrection = reader.one(KPI.value(), AsOf.parse("2018-05-31", tokyo)).kpis().get(0);
        KpiProgressView afterCorrection = reader.one(KPI.value(), AsOf.parse("2018-06-30", tokyo)).kpis().get(0);
        KpiProgressView now = reader.one(KPI.value(), AsOf.NOW).kpis().get(0);

        assertThat(beforeCorrection.version()).isEqualTo(2);
        assertThat(beforeCorrection.actuals().get(0).value()).as("FY2016 as believed on 2018-05-31")
                .isEqualByComparingTo("120");
        assertThat(afterCorrection.actuals().get(0).value()).as("FY2016 as believed on 2018-06-30")
                .isEqualByComparingTo("118");
        assertThat(afterCorrection.target().value()).as("the target in force then").isEqualByComparingTo("160");
        assertThat(now.target().value()).isEqualByComparingTo("200");
        assertThat(now.actuals().get(0).value()).isEqualByComparingTo("118");
        assertThat(reader.one(KPI.value(), AsOf.parse("2018-06-15T10:00:00+09:00", tokyo)).kpis().get(0)
                .actuals().get(0).value()).as("the very instant of the correction").isEqualByComparingTo("118");
        assertThat(reader.one(KPI.value(), AsOf.parse("2018-06-15T09:59:59.999999+09:00", tokyo)).kpis().get(0)
                .actuals().get(0).value()).as("a microsecond before it").isEqualByComparingTo("120");
    }

    @Test
    void ignoresAnEventItHasAlreadyApplied() {
        KpiId kpi = new KpiId("1-2-1-02");
        KpiRegisteredEvent registered = new KpiRegisteredEvent(kpi, "就職者数", UNIT, Accumulation.ANNUAL,
                Direction.INCREASE, new Baseline(FiscalYear.of(2014), Quantity.of("10", UNIT), null),
                new Target(FiscalYear.of(2019), Quantity.of("20", UNIT), TargetComparator.AT_LEAST), null);
        transaction.executeWithoutResult(status -> {
            projection.on(registered, 0, Instant.parse("2016-04-01T00:00:00Z"), atPosition(900), "planner");
            projection.on(new ActualRecordedEvent(kpi, FiscalYear.of(2015), Quantity.of("12", UNIT), null, null), 1,
                    Instant.parse("2016-04-02T00:00:00Z"), atPosition(901), "clerk");
            projection.on(new ActualCorrectedEvent(kpi, FiscalYear.of(2015), Quantity.of("12", UNIT),
                    Quantity.of("99", UNIT), "delivered twice"), 1, Instant.parse("2016-04-03T00:00:00Z"),
                    atPosition(902), "clerk");
        });

        KpiProgressView view = reader.one(kpi.value(), AsOf.NOW).kpis().get(0);
        assertThat(view.version()).isEqualTo(1);
        assertThat(view.latestActual().value()).isEqualByComparingTo("12");
        assertThat(view.latestActual().corrections()).isZero();
    }

    /** 施設利用会員数: registered in 2016, two actuals, a correction and a target revision, years apart. */
    private KpiProgressView givenTheKpisHistory() {
        Target original = new Target(FiscalYear.of(2019), Quantity.of("160", UNIT), TargetComparator.AT_LEAST);
        Target revised = new Target(FiscalYear.of(2020), Quantity.of("200", UNIT), TargetComparator.AT_LEAST);
        append(List.of(
                new KpiRegisteredEvent(KPI, "施設利用会員数", UNIT, Accumulation.LEVEL, Direction.INCREASE,
                        new Baseline(FiscalYear.of(2014), null, "—"), original, null),
                new ActualRecordedEvent(KPI, FiscalYear.of(2016), Quantity.of("120", UNIT), "開設初年度", "ref-1"),
                new ActualRecordedEvent(KPI, FiscalYear.of(2017), Quantity.of("150", UNIT), null, null),
                new ActualCorrectedEvent(KPI, FiscalYear.of(2016), Quantity.of("120", UNIT),
                        Quantity.of("118", UNIT), "退会者2名の計上漏れ"),
                new TargetRevisedEvent(KPI, original, revised, "利用好調", "区議会 議決 第12号")),
                List.of("2016-04-01T01:00:00Z", "2017-05-01T01:00:00Z", "2018-05-01T01:00:00Z",
                        "2018-06-15T01:00:00Z", "2019-03-01T01:00:00Z"));

        return awaitVersion(4);
    }

    /** Appends the KPI's events as if recorded at the given instants, unless an earlier test did. */
    private void append(List<KpiEvent> events, List<String> recordedAt) {
        if (!jdbc.queryForList("select 1 from domain_event_entry where aggregate_identifier = ?", KPI.value())
                .isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> {
            for (int sequence = 0; sequence < events.size(); sequence++) {
                eventStore.publish(new GenericDomainEventMessage<>("Kpi", KPI.value(), sequence,
                        new GenericMessage<>(IdentifierFactory.getInstance().generateIdentifier(),
                                events.get(sequence), Map.of(AxonPlatformConfiguration.ACTOR, "clerk-" + sequence)),
                        Instant.parse(recordedAt.get(sequence))));
            }
        });
    }

    private KpiProgressView awaitVersion(long version) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> reader.one(KPI.value(), AsOf.NOW).kpis().stream().findFirst(),
                        found -> found.filter(view -> view.version() == version).isPresent())
                .orElseThrow();
    }

    /** An event message as the projections' event source hands it out: stamped with its position. */
    private static EventMessage<?> atPosition(long position) {
        return GenericEventMessage.asEventMessage("replayed").andMetaData(
                Map.of(NotifiedEventSource.POSITION, position));
    }
}
