package org.kpiledger.query.progress;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the public sees of a year under a reporting period: the published figure only, and nothing before the first
 * publication (a department's figure is the city's once it is published). Signed-in users see the current figure with
 * its status. {@code kpi-ledger.public-figures=all} ({@code KPI_LEDGER_PUBLIC_FIGURES}) keeps showing every figure as
 * it is recorded, for cities that publish as they go. Every view of progress (API, CSV, XLSX, pages) reads through
 * {@link KpiProgressReader}, which applies this.
 */
@Component
class PublicFigures {

    private final JdbcTemplate jdbc;
    private final boolean publishedOnly;

    PublicFigures(JdbcTemplate jdbc, @Value("${kpi-ledger.public-figures:published}") String mode) {
        this.jdbc = jdbc;
        if (!mode.equals("published") && !mode.equals("all")) {
            throw new IllegalArgumentException("kpi-ledger.public-figures is published or all, not " + mode);
        }
        this.publishedOnly = mode.equals("published");
    }

    /** The plan and year of every reporting period, when the reader now is the public; null when none applies. */
    Set<String> periodsToFilter() {
        if (!publishedOnly || LedgerPrincipal.current().isPresent()) {
            return null;
        }
        return new HashSet<>(jdbc.queryForList("select plan_id || '/' || fiscal_year from reporting_period",
                String.class));
    }

    /**
     * The actuals the public sees: those of a year without a reporting period as they are; those of a year with one
     * only once published, as published (with no trace of a change since).
     */
    static List<KpiProgressView.Actual> forThePublic(List<KpiProgressView.Actual> actuals, String planId,
            Set<String> periods) {
        if (periods == null || planId == null) {
            return actuals;
        }
        return actuals.stream()
                .filter(actual -> !periods.contains(periodOf(actual, planId)) || actual.published() != null)
                .map(actual -> !periods.contains(periodOf(actual, planId)) ? actual : asPublished(actual))
                .toList();
    }

    /** The reporting period a figure is reported in: its KPI's plan's, or the plan of the KPI that holds it. */
    private static String periodOf(KpiProgressView.Actual actual, String planId) {
        return (actual.recordedUnder() == null ? planId : actual.recordedUnder().planId()) + "/" + actual.fiscalYear();
    }

    /** The figure as the last report published it, with the report; the public is not shown the workflow. */
    private static KpiProgressView.Actual asPublished(KpiProgressView.Actual actual) {
        boolean changed = Boolean.TRUE.equals(actual.changedSincePublication());
        return new KpiProgressView.Actual(actual.fiscalYear(), actual.published().value(), actual.note(),
                actual.evidenceReference(), actual.recordedAt(), actual.recordedBy(),
                changed ? 0 : actual.corrections(), changed ? null : actual.lastCorrectedAt(),
                changed ? null : actual.lastCorrectedBy(), changed ? null : actual.lastCorrectionReason(), null,
                actual.published(), null, actual.recordedUnder());
    }
}
