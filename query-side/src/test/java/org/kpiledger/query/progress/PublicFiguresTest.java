package org.kpiledger.query.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.kpiledger.events.kpi.FigureStatus;

class PublicFiguresTest {

    private static KpiProgressView.Actual actual(int year, String value, String published, FigureStatus status) {
        return new KpiProgressView.Actual(year, new BigDecimal(value), null, null, Instant.EPOCH, "sato",
                published == null ? 0 : 1, null, null, published == null ? null : "重複計上の除外", status,
                published == null ? null : new KpiProgressView.Published(new BigDecimal(published), "report-1"),
                published == null ? null : !published.equals(value), null);
    }

    @Test
    void showsTheYearsOfAPeriodOnlyAsPublishedAndOtherYearsAsRecorded() {
        List<KpiProgressView.Actual> actuals = List.of(
                actual(2015, "6", null, FigureStatus.RECORDED),
                actual(2016, "7", "8", FigureStatus.REOPENED),
                actual(2017, "12", null, FigureStatus.SUBMITTED));

        List<KpiProgressView.Actual> shown = PublicFigures.forThePublic(actuals, "shinagawa-2015",
                Set.of("shinagawa-2015/2016", "shinagawa-2015/2017"));

        assertThat(shown).extracting(KpiProgressView.Actual::fiscalYear).containsExactly(2015, 2016);
        assertThat(shown.get(1).value()).isEqualByComparingTo("8");
        assertThat(shown.get(1).lastCorrectionReason()).as("no trace of the change since").isNull();
        assertThat(shown.get(1).status()).isNull();
        assertThat(shown.get(0)).isEqualTo(actuals.get(0));
    }

    @Test
    void showsEverythingToSignedInReadersAndKpisOfOtherPlans() {
        List<KpiProgressView.Actual> actuals = List.of(actual(2017, "12", null, FigureStatus.SUBMITTED));

        assertThat(PublicFigures.forThePublic(actuals, "shinagawa-2015", null)).isEqualTo(actuals);
        assertThat(PublicFigures.forThePublic(actuals, "other-plan", Set.of("shinagawa-2015/2017")))
                .isEqualTo(actuals);
        assertThat(PublicFigures.forThePublic(actuals, null, Set.of("shinagawa-2015/2017"))).isEqualTo(actuals);
    }

    @Test
    void showsAFigureHeldByThePredecessorAsItsOwnPlansPeriodPublishedIt() {
        KpiProgressView.Actual held = actual(2021, "19", null, FigureStatus.SUBMITTED)
                .heldBy(new KpiProgressView.RecordedUnder("1-1-1-01", "shinagawa-2015"));

        assertThat(PublicFigures.forThePublic(List.of(held), "shinagawa-2022", Set.of("shinagawa-2015/2021")))
                .as("under review in the predecessor's period: not public yet").isEmpty();
        assertThat(PublicFigures.forThePublic(List.of(held), "shinagawa-2022", Set.of("shinagawa-2022/2021")))
                .containsExactly(held);
    }
}
