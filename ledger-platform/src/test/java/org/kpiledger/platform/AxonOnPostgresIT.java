package org.kpiledger.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.axonframework.updates.configuration.CommandLineUsagePropertyProvider;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The traps of running Axon 4 on Spring Boot 4 and PostgreSQL, each shown to be handled. */
@SpringBootTest
class AxonOnPostgresIT {

    @Autowired
    private EventStore eventStore;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transaction;
    @Autowired
    private Serializer serializer;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer eventSerializer;
    @Autowired
    @Qualifier("messageSerializer")
    private Serializer messageSerializer;

    @Test
    void everyAxonBinaryColumnIsByteaAndNothingLandsInLargeObjects() {
        List<String> binaryColumns = jdbc.queryForList("""
                select table_name || '.' || column_name || ' ' || data_type from information_schema.columns
                where table_schema = 'public' and data_type in ('bytea', 'oid')
                order by 1""", String.class);

        assertThat(binaryColumns)
                .contains("domain_event_entry.payload bytea", "domain_event_entry.meta_data bytea",
                        "snapshot_event_entry.payload bytea", "token_entry.token bytea",
                        "saga_entry.serialized_saga bytea", "dead_letter_entry.payload bytea")
                .allSatisfy(column -> assertThat(column).endsWith(" bytea"));

        appendEvents("largeobject-check", 3);

        // every large object has a row here, which any role may read (pg_largeobject itself only a superuser)
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void globalIndexIsAllocatedOneByOneWithoutGaps() {
        assertThat(jdbc.queryForObject(
                "select increment_by from pg_sequences where sequencename = 'domain_event_global_index_seq'",
                Long.class)).isEqualTo(1L);

        appendEvents("gapless-check", 5);

        List<Long> indexes = jdbc.queryForList(
                "select global_index from domain_event_entry where aggregate_identifier = 'gapless-check' "
                        + "order by global_index", Long.class);
        assertThat(indexes).hasSize(5);
        assertThat(indexes.get(4) - indexes.get(0)).isEqualTo(4L);
    }

    @Test
    void eventsAreStoredAsJsonByJackson3AndReadBackEqual() {
        KpiRegisteredEvent registered = registeredEvent("jackson3-check");
        transaction.executeWithoutResult(status -> eventStore.publish(
                new GenericDomainEventMessage<>("Kpi", "jackson3-check", 0, registered)));

        String storedJson = jdbc.queryForObject(
                "select convert_from(payload, 'UTF8') from domain_event_entry where aggregate_identifier = ?",
                String.class, "jackson3-check");
        assertThat(storedJson).contains("\"name\":\"武蔵小山創業支援センター入居者のうち、区内で継続する事業者数\"");
        assertThat(eventStore.readEvents("jackson3-check").next().getPayload()).isEqualTo(registered);

        assertThat(List.of(serializer, eventSerializer, messageSerializer))
                .allSatisfy(each -> assertThat(each).isInstanceOf(Jackson3Serializer.class));
    }

    @Test
    void replayTokensSurviveTheRoundTripThroughTheTokenSerializer() {
        TrackingToken replay = ReplayToken.createReplayToken(
                GapAwareTrackingToken.newInstance(41, List.of(39L)), GapAwareTrackingToken.newInstance(7, List.of()));

        SerializedObject<byte[]> stored = serializer.serialize(replay, byte[].class);

        assertThat(serializer.<byte[], TrackingToken>deserialize(stored)).isEqualTo(replay);
    }

    @Test
    void xStreamIsNotShipped() {
        assertThatThrownBy(() -> Class.forName("com.thoughtworks.xstream.XStream"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void axonUpdateCheckerIsDisabledByDefault() {
        assertThat(new CommandLineUsagePropertyProvider().getDisabled()).isTrue();
    }

    private void appendEvents(String aggregateId, int count) {
        transaction.executeWithoutResult(status -> IntStream.range(0, count).forEach(sequence ->
                eventStore.publish(new GenericDomainEventMessage<KpiEvent>(
                        "Kpi", aggregateId, sequence, registeredEvent(aggregateId)))));
    }

    private static KpiRegisteredEvent registeredEvent(String kpiId) {
        return new KpiRegisteredEvent(new KpiId(kpiId), "武蔵小山創業支援センター入居者のうち、区内で継続する事業者数",
                "事業者", Accumulation.CUMULATIVE, Direction.INCREASE,
                new Baseline(FiscalYear.of(2014), Quantity.of("6", "事業者"), null),
                new Target(FiscalYear.of(2019), Quantity.of("21", "事業者"), TargetComparator.AT_LEAST), null);
    }
}
