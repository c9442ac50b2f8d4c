package org.kpiledger.query.dashboard;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.pages.AsOfPicker;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.pages.Viewer;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.history.ChangeLog;
import org.kpiledger.query.plans.KpiSeries;
import org.kpiledger.query.plans.SeriesView;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * One KPI's page: its figures, a chart of its actuals against the baseline, the targets and the pro-rata line (and
 * the figures of earlier plans its lineage reaches) with a table of the same figures, the target revisions, and for auditors every change with who made it.
 */
@Controller
@LedgerPage
class KpiPage {

    /** The processing groups the page reads from: progress, strategy titles, change history. */
    private static final List<String> PROJECTIONS = List.of("kpi-progress", "strategy", "ledger-history");

    private final KpiProgressReader reader;
    private final KpiSeries series;
    private final ChangeLog changeLog;
    private final ProjectionProgress progress;
    private final JsonMapper json;
    private final MessageSource messages;
    private final Clock clock;

    KpiPage(KpiProgressReader reader, KpiSeries series, ChangeLog changeLog, ProjectionProgress progress,
            JsonMapper json, MessageSource messages, Clock clock) {
        this.reader = reader;
        this.series = series;
        this.changeLog = changeLog;
        this.progress = progress;
        this.json = json;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code minPosition} and {@code saved} come from the entry form: the page waits for the write it reports. */
    @GetMapping(value = "/kpis/{kpiId}", produces = MediaType.TEXT_HTML_VALUE)
    String kpi(@PathVariable KpiId kpiId, @RequestParam(required = false) String asOf,
            @RequestParam(required = false) Long minPosition, @RequestParam(required = false) Integer saved,
            Model model) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        progress.await(minPosition, PROJECTIONS);
        KpiProgressView kpi = reader.one(kpiId.value(), at).kpis().stream().findFirst()
                .orElseThrow(() -> ProblemType.KPI_NOT_FOUND.exception(
                        "No KPI " + kpiId + " is in the ledger"
                                + (at.isNow() ? "." : " at that date."), "kpiId"));
        List<ChangeLog.Change> changes = changeLog.ofKpi(kpiId.value(), at);
        SeriesView series = this.series.of(kpiId.value(), at).orElseThrow();
        KpiChart chart = KpiChart.of(kpi, changes, series);
        Viewer viewer = Viewer.current();
        model.addAttribute("asOf", AsOfPicker.of(asOf, at.instant(), clock.getZone()));
        model.addAttribute("kpi", kpi);
        model.addAttribute("figures", ProgressFigures.of(kpi));
        model.addAttribute("chart", chart);
        model.addAttribute("chartJson", json.writeValueAsString(chartData(chart)));
        model.addAttribute("years", chart.table(kpi, series));
        model.addAttribute("changes", viewer.maySeeActors() ? changes : List.of());
        model.addAttribute("saved", at.isNow() ? saved : null);
        model.addAttribute("mayEnter", at.isNow() && viewer.mayEnterFor(kpi.department()));
        return "kpi";
    }

    /** The chart's data and its legend in the reader's language, for the script that draws it. */
    private Map<String, Object> chartData(KpiChart chart) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("chart", chart);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("actual", "corrected", "baseline", "target", "earlierTarget", "proRata",
                "earlierPlan", "earlierPlanRedefined")) {
            labels.put(key, messages.getMessage("kpi.chart." + key, null, LocaleContextHolder.getLocale()));
        }
        data.put("labels", labels);
        return data;
    }
}
