package org.kpiledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A small run of the benchmark in the integration phase (it starts the built jar and PostgreSQL), so that it keeps
 * working: the figures exist, their size is for people to judge.
 */
class LedgerBenchmarkIT {

    @Test
    void measuresASmallStoreAndPrintsItsTable() throws Exception {
        LedgerBenchmark.Result result = LedgerBenchmark.measure(1_500);

        assertThat(result.kpis()).as("one of 1,000 events, two of 200, one of 100").isEqualTo(4);
        assertThat(result.copyRowsPerSecond()).isPositive();
        assertThat(result.rebuildEventsPerSecond()).isPositive();
        assertThat(result.verifyEventsPerSecond()).as("the loaded store was chained and verified").isPositive();
        assertThat(result.pageBytes()).as("the first page holds the KPIs").isPositive();
        assertThat(LedgerBenchmark.table(List.of(result))).contains("| 1,500 | 4 |");
    }

    @Test
    void measuresTheLiveServiceBrieflyAndPrintsItsTable() throws Exception {
        LiveBenchmark.Live live = LiveBenchmark.measure(Duration.ofSeconds(1));

        assertThat(live.rawInserts8().perSecond()).isPositive();
        assertThat(live.writes8().perSecond()).isPositive();
        assertThat(live.writes32().errors()).as("no write refused under load").isZero();
        assertThat(live.unchainedWrites8().perSecond()).isPositive();
        assertThat(live.withMinPosition().p50()).isPositive();
        assertThat(live.rssIdleMiB()).isPositive();
        assertThat(LiveBenchmark.table(live)).contains("| same at 32 clients / connections |");
    }

    @Test
    void measuresTheWritePathBrieflyAndPrintsItsTable() throws Exception {
        List<WritePathBenchmark.StoreSize> sizes = WritePathBenchmark.measure(Duration.ofSeconds(1), 1_000);

        WritePathBenchmark.StoreSize size = sizes.get(0);
        assertThat(size.kpis()).as("500 KPIs of two events each").isEqualTo(500);
        assertThat(size.writes8().perSecond()).isPositive();
        assertThat(size.writes8().errors() + size.writes32().errors()).as("no write refused under load").isZero();
        assertThat(size.rowsRead().events()).as("the appender counted what the load stored").isPositive();
        assertThat(size.rowsRead().byTable()).as("the writes read the event table").containsKey("domain_event_entry");
        assertThat(WritePathBenchmark.table(sizes)).contains("| 1,000 | 500 |");
    }

    @Test
    void measuresBulksOfFiguresAndPrintsTheirTable() throws Exception {
        List<BulkBenchmark.Bulk> bulks = BulkBenchmark.measure(100, 300);

        assertThat(bulks).extracting(BulkBenchmark.Bulk::status).containsOnly(200);
        assertThat(bulks).allSatisfy(bulk -> assertThat(bulk.perSecond()).isPositive());
        assertThat(bulks).allSatisfy(bulk -> assertThat(bulk.rawPerSecond()).isPositive());
        assertThat(BulkBenchmark.table(bulks)).contains("| 300 |");
    }

    @Test
    void simulatesTheReportingSeasonOfSomeMunicipalitiesAndPrintsItsTable() throws Exception {
        SeasonBenchmark.Season season = SeasonBenchmark.measure(12, 4);

        assertThat(season.refused()).as("every catalog, period and sheet accepted").isZero();
        assertThat(season.kpisEach()).as("the shipped catalog's KPIs").isEqualTo(72);
        assertThat(season.bulkMillis()).hasSize(12).allSatisfy(millis -> assertThat(millis).isPositive());
        assertThat(season.events()).as("each city's KPIs registered and given a figure")
                .isGreaterThanOrEqualTo(12 * 72 * 2);
        assertThat(season.rawRowsPerSecond()).isPositive();
        assertThat(SeasonBenchmark.table(season))
                .contains("| municipalities, each a tenant with a plan of 72 KPIs | 12 |");
        assertThat(season.tenantSeconds()).as("the tenants were created").isPositive();
    }

    @Test
    void measuresTheJarInItsOwnProcessAndPrintsItsTable() throws Exception {
        StandaloneBenchmark.Standalone standalone = StandaloneBenchmark.measure(Duration.ofSeconds(1),
                Duration.ofSeconds(2), 2);

        assertThat(standalone.startSeconds()).isPositive();
        assertThat(standalone.cdsStartSeconds()).isPositive();
        assertThat(standalone.rssDuringLoadMiB()).as("idle, then after each slice").hasSize(3)
                .allSatisfy(rss -> assertThat(rss).isPositive());
        assertThat(standalone.lastSlice().perSecond()).isPositive();
        assertThat(standalone.errors()).as("no write refused under load").isZero();
        assertThat(StandaloneBenchmark.table(standalone)).contains("| resident set, idle after start |");
    }
}
