package org.kpiledger.command.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.kpiledger.command.catalog.InvalidCatalogException.RowProblem;
import org.kpiledger.events.kpi.LineageKind;

/** A catalog is taken whole or not at all; the problems name each bad row and field. */
class CatalogReaderTest {

    private static final String HEADER = String.join(",", CatalogReader.COLUMNS);
    private static final String GOOD = "1-1-1-01,demo,計画,2015,2019,1,目標,1-1,方針,1,施策,全体計画,相談件数(年間),件,"
            + "ANNUAL,INCREASE,COUNT,2014,6,6件,2019,21,AT_LEAST,21件,,";
    private final CatalogReader reader =
            new CatalogReader(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneId.of("Asia/Tokyo")));

    @Test
    void readsAGoodRow() {
        Catalog catalog = reader.read(new StringReader(HEADER + "\n" + GOOD + "\n"));

        assertThat(catalog.kpis()).singleElement().satisfies(entry -> {
            assertThat(entry.registration().name()).isEqualTo("相談件数(年間)");
            assertThat(entry.placement().policyCode()).isEqualTo("1-1");
        });
    }

    @Test
    void namesEveryBadRowAndFieldAndTakesNothing() {
        String csv = HEADER + "\n"
                + GOOD + "\n"
                + GOOD.replace("1-1-1-01", "1-1-1-02").replace("AT_LEAST", "ABOUT") + "\n"
                + GOOD.replace("1-1-1-01", "1-1-1-03").replace(",2014,6,", ",2014,-6,") + "\n"
                + GOOD.replace("相談件数(年間)", "相談\u0000件数") + "\n"
                + GOOD + "\n"
                + GOOD.replace("1-1-1-01", "1-1-1-05").replace(",方針,", ",別の方針,") + "\n";

        InvalidCatalogException refused = catchThrowableOfType(InvalidCatalogException.class,
                () -> reader.read(new StringReader(csv)));

        assertThat(refused.problems()).extracting(RowProblem::row, RowProblem::field).containsExactlyInAnyOrder(
                tuple(2L, "target_comparator"),
                tuple(3L, "baseline_value"),
                tuple(4L, "name"),
                tuple(5L, "kpi_id"),
                tuple(6L, "policy_title"));
    }

    @Test
    void refusesAFileWithoutTheCatalogColumns() {
        InvalidCatalogException refused = catchThrowableOfType(InvalidCatalogException.class,
                () -> reader.read(new StringReader("kpi_id,name\n1,x\n")));

        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.row()).isZero();
            assertThat(problem.field()).contains("plan_id", "target_value");
        });
    }

    @Test
    void readsASuccessorsLineageAndTheSameCodeInTwoPlans() {
        String csv = HEADER + ",predecessor_plan_id,continues_kpi_id,lineage\n"
                + GOOD + ",,,\n"
                + GOOD.replace(",demo,", ",demo-2022,") + ",demo,1-1-1-01,REBASED\n";

        Catalog catalog = reader.read(new StringReader(csv));

        assertThat(catalog.strategies()).extracting(strategy -> strategy.planId().value(),
                strategy -> strategy.predecessor() == null ? null : strategy.predecessor().value())
                .containsExactly(tuple("demo", null), tuple("demo-2022", "demo"));
        assertThat(catalog.kpis().get(1)).satisfies(entry -> {
            assertThat(entry.code()).isEqualTo("1-1-1-01");
            assertThat(entry.continuesCode()).isEqualTo("1-1-1-01");
            assertThat(entry.lineage()).isEqualTo(LineageKind.REBASED);
        });
        assertThat(catalog.lineageProblems()).isEmpty();
    }

    @Test
    void namesAContinuationWithoutItsKindOrItsPredecessorForTheLoaderToReportWithTheLedgersOwn() {
        String csv = HEADER + ",predecessor_plan_id,continues_kpi_id,lineage\n"
                + GOOD + ",demo-2010,1-1-1-01,\n"
                + GOOD.replace("1-1-1-01", "1-1-1-02") + ",,1-1-1-02,RENAMED\n"
                + GOOD.replace("1-1-1-01", "1-1-1-03").replace(",demo,", ",other,") + ",,,MERGED\n";

        InvalidCatalogException refused = catchThrowableOfType(InvalidCatalogException.class,
                () -> reader.read(new StringReader(csv)));

        assertThat(refused.problems()).extracting(RowProblem::row, RowProblem::field).containsExactly(
                tuple(1L, "lineage"),
                tuple(2L, "predecessor_plan_id"),
                tuple(2L, "continues_kpi_id"),
                tuple(3L, "lineage"));
        Catalog lenient = reader.read(new StringReader(csv.replace(",,,MERGED", ",,,")
                .replace(GOOD + ",demo-2010,", GOOD + ",,").replace(",,1-1-1-02,RENAMED", ",,,")));
        assertThat(lenient.lineageProblems()).extracting(RowProblem::row, RowProblem::field)
                .containsExactly(tuple(1L, "lineage"), tuple(1L, "continues_kpi_id"));
    }
}
