package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kpiledger.LedgerApplication;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.integrity.chain.GroupCommitAppender;
import org.kpiledger.integrity.chain.HashChainingStorageEngine;
import org.kpiledger.integrity.ledger.IntegrityChain;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.web.DatabaseUnavailable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger's one appender groups what waits: appends queued while their tenant's chain's lock is held elsewhere (as
 * another process holds it while it appends) are stored together in one transaction when it is free, chained in
 * position order, while other tenants' appends go on meanwhile; one that collides with a stored event, with an
 * earlier append of its batch, or that the database refuses, fails alone, and the rest of its batch is stored.
 */
class GroupCommitIT {

    private static LedgerProcesses processes;
    private static GroupCommitAppender appender;
    private static IntegrityChain chain;
    private static DataSource dataSource;
    private static JdbcTemplate database;

    @BeforeAll
    static void start() {
        processes = new LedgerProcesses();
        ConfigurableApplicationContext ledger = processes.start(LedgerApplication.class);
        appender = ledger.getBean(GroupCommitAppender.class);
        chain = ledger.getBean(IntegrityChain.class);
        dataSource = ledger.getBean(DataSource.class);
        database = processes.database();
    }

    @AfterAll
    static void stop() throws Exception {
        processes.close();
    }

    @Test
    void appendsThatWaitedForTheLockAreStoredInOneTransactionInTheOrderTheyCame() throws Exception {
        GroupCommitAppender.Statistics before = appender.statistics();
        List<String> kpis = List.of("gc-first", "gc-2", "gc-3", "gc-4", "gc-5", "gc-6", "gc-7", "gc-8");
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        try (HeldChainLock held = new HeldChainLock()) {
            appends.add(appendQueued(List.of(registration(kpis.get(0)))));
            held.awaitAppenderWaiting();
            for (String kpi : kpis.subList(1, kpis.size())) {
                appends.add(appendQueued(List.of(registration(kpi))));
            }
        }
        CompletableFuture.allOf(appends.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

        GroupCommitAppender.Statistics after = appender.statistics();
        assertThat(after.appends() - before.appends()).isEqualTo(8);
        assertThat(after.batches() - before.batches())
                .as("the first append, deferred while the lock was held, and the seven queued behind it, together")
                .isEqualTo(1);
        assertThat(database.queryForList("select aggregate_identifier from domain_event_entry "
                + "where aggregate_identifier = any(?) order by global_index", String.class,
                (Object) kpis.toArray(String[]::new)))
                .as("stored in the order they were queued").containsExactlyElementsOf(kpis);
        assertChainVerifies();
    }

    @Test
    void aCollidingAppendFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
        appendQueued(List.of(registration("gc-stored"))).get(30, TimeUnit.SECONDS);
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        try (HeldChainLock held = new HeldChainLock()) {
            appends.add(appendQueued(List.of(registration("gc-filler"))));
            held.awaitAppenderWaiting();
            appends.add(appendQueued(List.of(registration("gc-new"), actual("gc-new", 1, 2015))));
            appends.add(appendQueued(List.of(registration("gc-new")))); // the same stream's first event, again
            appends.add(appendQueued(List.of(registration("gc-stored")))); // stored before the batch
            appends.add(appendQueued(List.of(actual("gc-new", 1, 2016)))); // sequence 1 taken in this batch
            appends.add(appendQueued(List.of(actual("gc-stored", 1, 2015))));
        }

        assertThat(outcome(appends.get(0))).isNull();
        assertThat(outcome(appends.get(1))).isNull();
        assertThat(outcome(appends.get(2))).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(outcome(appends.get(3))).isInstanceOf(AggregateStreamCreationException.class);
        assertThat(outcome(appends.get(4))).isInstanceOf(ConcurrencyException.class);
        assertThat(outcome(appends.get(5))).isNull();
        assertThat(eventsOf("gc-new")).as("registration and the FY2015 actual, nothing of the refused appends")
                .isEqualTo(2);
        assertThat(eventsOf("gc-stored")).isEqualTo(2);
        assertThat(eventsOf("gc-filler")).isEqualTo(1);
        assertChainVerifies();
    }

    @Test
    void anAppendTheDatabaseRefusesFailsAloneAndTheRestOfItsBatchIsStored() throws Exception {
        DomainEventMessage<?> stored = registration("gc-original");
        appendQueued(List.of(stored)).get(30, TimeUnit.SECONDS);
        DomainEventMessage<?> sameEventId = new GenericDomainEventMessage<>(StreamTypes.KPI, "gc-copy", 0,
                stored.getPayload(), stored.getMetaData(), stored.getIdentifier(), stored.getTimestamp());
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        try (HeldChainLock held = new HeldChainLock()) {
            appends.add(appendQueued(List.of(registration("gc-before"))));
            held.awaitAppenderWaiting();
            appends.add(appendQueued(List.of(registration("gc-beside"))));
            appends.add(appendQueued(List.of(sameEventId)));
            appends.add(appendQueued(List.of(registration("gc-after"))));
        }

        assertThat(outcome(appends.get(0))).isNull();
        assertThat(outcome(appends.get(1))).isNull();
        assertThat(outcome(appends.get(2))).as("an event id stored already: refused by the database's unique key")
                .isInstanceOf(RuntimeException.class);
        assertThat(outcome(appends.get(3))).isNull();
        assertThat(eventsOf("gc-beside") + eventsOf("gc-after")).isEqualTo(2);
        assertThat(eventsOf("gc-copy")).isZero();
        assertChainVerifies();
    }

    @Test
    void appendsQueuedBehindABatchThatLostTheDatabaseFailWithItInsteadOfWaitingAgain() throws Exception {
        List<CompletableFuture<Void>> appends = new ArrayList<>();
        try (HeldChainLock held = new HeldChainLock()) {
            appends.add(appendQueued(List.of(registration("gc-cut-off"))));
            long appendersBackend = held.awaitAppenderWaiting();
            appends.add(appendQueued(List.of(registration("gc-queued-1"))));
            appends.add(appendQueued(List.of(registration("gc-queued-2"))));
            // the appender's database process stops answering, as a paused or unreachable server does
            signal("STOP", appendersBackend);
            try {
                assertThat(outcome(appends.get(0), 15)).as("the batch that met the database away")
                        .satisfies(refused -> assertThat(DatabaseUnavailable.isCause(refused)).isTrue());
                // tried as the next batch, each queued append would wait out the database's timeout (4 s) again
                for (CompletableFuture<Void> queued : appends.subList(1, appends.size())) {
                    assertThat(outcome(queued, 1)).as("refused with the batch they queued behind")
                            .satisfies(refused -> assertThat(DatabaseUnavailable.isCause(refused)).isTrue());
                }
            } finally {
                signal("CONT", appendersBackend);
            }
        }
        assertThat(eventsOf("gc-cut-off") + eventsOf("gc-queued-1") + eventsOf("gc-queued-2")).isZero();
        appendQueued(List.of(registration("gc-reconnected"))).get(30, TimeUnit.SECONDS);
        assertThat(eventsOf("gc-reconnected")).as("the appender takes a new connection").isEqualTo(1);
        assertChainVerifies();
    }

    @Test
    void theChainCommitsToWhatWasStoredNotToWhatWasSent() throws Exception {
        // PostgreSQL stores a varchar(255) value too long only by spaces cut to its length, without an error
        String sent = "gc-" + "x".repeat(252) + "   ";
        appendQueued(List.of(event(sent, 0, registration("gc-long").getPayload()))).get(30, TimeUnit.SECONDS);

        assertThat(eventsOf(sent.strip())).as("stored under the identifier cut to 255 characters").isEqualTo(1);
        assertChainVerifies();
    }

    /** Starts the append on a thread of its own and returns once it waits for the appender. */
    private static CompletableFuture<Void> appendQueued(List<DomainEventMessage<?>> events) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread writer = new Thread(() -> {
            try {
                appender.append(events);
                done.complete(null);
            } catch (RuntimeException refused) {
                done.completeExceptionally(refused);
            }
        });
        writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (writer.getState() != Thread.State.WAITING && !done.isDone()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The append never waited for the appender");
            }
            Thread.sleep(5);
        }
        return done;
    }

    private static Throwable outcome(CompletableFuture<Void> append) throws Exception {
        return outcome(append, 30);
    }

    private static Throwable outcome(CompletableFuture<Void> append, int seconds) throws Exception {
        try {
            append.get(seconds, TimeUnit.SECONDS);
            return null;
        } catch (java.util.concurrent.ExecutionException refused) {
            return refused.getCause();
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        new ProcessBuilder("kill", "-" + signal, String.valueOf(pid)).inheritIO().start().waitFor();
    }

    private static long eventsOf(String stream) {
        return database.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, stream);
    }

    private static void assertChainVerifies() {
        IntegrityChain.Verification verification = chain.verifyAll();
        assertThat(verification.mismatches()).isEmpty();
        assertThat(verification.events()).isEqualTo(processes.eventCount());
    }

    private static DomainEventMessage<?> registration(String kpiId) {
        return event(kpiId, 0, new KpiRegisteredEvent(new KpiId(kpiId), "創業支援件数 " + kpiId, "件",
                Accumulation.ANNUAL, Direction.INCREASE, new Baseline(FiscalYear.of(2014), Quantity.of("10", "件"),
                null), new Target(FiscalYear.of(2024), Quantity.of("100", "件"), TargetComparator.AT_LEAST),
                ValueKind.COUNT));
    }

    private static DomainEventMessage<?> actual(String kpiId, long sequence, int fiscalYear) {
        return event(kpiId, sequence, new ActualRecordedEvent(new KpiId(kpiId), FiscalYear.of(fiscalYear),
                Quantity.of("12", "件"), null, null));
    }

    private static DomainEventMessage<?> event(String kpiId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>(StreamTypes.KPI, kpiId, sequence, payload, MetaData.from(Map.of(
                AxonPlatformConfiguration.ACTOR, "group-commit-test", AxonPlatformConfiguration.ACTOR_ROLES, "ADMIN",
                AxonPlatformConfiguration.AUTH_METHOD, "SYSTEM", AxonPlatformConfiguration.CORRELATION_ID,
                UUID.randomUUID().toString())));
    }

    /** The chain's lock, held by a transaction of its own as another process's appender holds it, until closed. */
    private static final class HeldChainLock implements AutoCloseable {

        private final Connection connection;
        private final long deferralsBefore = appender.statistics().deferrals();

        HeldChainLock() throws SQLException {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            try (Statement lock = connection.createStatement()) {
                lock.execute(HashChainingStorageEngine.lockOfChain(LedgerProcesses.DEFAULT_TENANT));
            }
        }

        /**
         * Returns once the appender found this lock held and deferred what it took from its queue: the process id of
         * its database connection, which tries the lock again every few milliseconds.
         */
        long awaitAppenderWaiting() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            List<Long> trying;
            while (appender.statistics().deferrals() == deferralsBefore || (trying = database.queryForList(
                    "select pid from pg_stat_activity where query like '%pg_try_advisory_xact_lock%' "
                            + "and pid <> pg_backend_pid()", Long.class)).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The appender never found the chain's lock held");
                }
                Thread.sleep(5);
            }
            return trying.get(0);
        }

        @Override
        public void close() throws SQLException {
            connection.commit();
            connection.close();
        }
    }
}
