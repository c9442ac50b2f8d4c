package org.kpiledger.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A small run of the benchmark, so that it keeps working: the figures exist, their size is for people to judge. */
class LedgerBenchmarkTest {

    @Test
    void measuresASmallStoreAndPrintsItsTable() throws Exception {
        LedgerBenchmark.Result result = LedgerBenchmark.measure(1_500);

        assertThat(result.kpis()).as("one of 1,000 events, two of 200, one of 100").isEqualTo(4);
        assertThat(result.rawReadRowsPerSecond()).isPositive();
        assertThat(result.rebuildEventsPerSecond()).isPositive();
        assertThat(result.listBytes()).as("the list holds every KPI").isPositive();
        assertThat(LedgerBenchmark.table(List.of(result))).contains("| 1,500 | 4 |");
    }
}
