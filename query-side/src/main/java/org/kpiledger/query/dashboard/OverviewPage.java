package org.kpiledger.query.dashboard;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.pages.AsOfPicker;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.pages.Viewer;
import org.kpiledger.query.plans.PlanDirectory;
import org.kpiledger.query.plans.PlanSummary;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The overview at {@code /}: every KPI of the plan picked (the plan in force by default) under its goal, policy and
 * measure, now or as of a date, filtered.
 */
@Controller
@LedgerPage
class OverviewPage {

    private final KpiProgressReader reader;
    private final PlanDirectory plans;
    private final Clock clock;

    OverviewPage(KpiProgressReader reader, PlanDirectory plans, Clock clock) {
        this.reader = reader;
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    String overview(@RequestParam(required = false) String asOf, @RequestParam(required = false) Integer goal,
            @RequestParam(required = false) String grade, @RequestParam(required = false) String department,
            @RequestParam(required = false) String accumulation, @RequestParam(required = false) String q,
            @RequestParam(required = false) String plan, Model model) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        OverviewFilter filter = new OverviewFilter(goal, grade, department, accumulation, q);
        Viewer viewer = Viewer.current();
        PlanSummary.Plans known = plans.plans(at);
        String shownPlan = known.plans().stream().map(PlanSummary::planId).filter(id -> id.equals(plan))
                .findFirst().orElse(known.defaultPlan());
        // the plan picked (the plan in force by default), and the KPIs that stand in no plan
        List<KpiProgressView> all = reader.all(at).kpis().stream().filter(kpi -> kpi.strategy() == null
                || kpi.strategy().planId().equals(shownPlan)).toList();
        model.addAttribute("plans", known);
        model.addAttribute("plan", shownPlan);
        List<KpiProgressView> shown = all.stream().filter(kpi -> filter.matches(kpi, viewer)).toList();
        model.addAttribute("asOf", AsOfPicker.of(asOf, at.instant(), clock.getZone()));
        model.addAttribute("filter", filter);
        model.addAttribute("overview", Overview.of(shown));
        model.addAttribute("shown", shown.size());
        model.addAttribute("total", all.size());
        model.addAttribute("goals", all.stream().map(KpiProgressView::strategy).filter(Objects::nonNull)
                .map(KpiProgressView.Strategy::goal).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparingInt(KpiProgressView.Goal::number)).toList());
        model.addAttribute("grades", all.stream().map(KpiProgressView::achievement)
                .sorted(Comparator.comparing(achievement -> achievement.category().ordinal()))
                .map(achievement -> achievement.grade()).distinct().toList());
        model.addAttribute("departments", all.stream().map(KpiProgressView::department).filter(Objects::nonNull)
                .distinct().sorted().toList());
        model.addAttribute("accumulations", Accumulation.values());
        model.addAttribute("csvUrl", download("csv", asOf, at, shownPlan));
        model.addAttribute("xlsxUrl", download("xlsx", asOf, at, shownPlan));
        return "overview";
    }

    /** The KPI list of the API in a spreadsheet format, as of the same moment, for the plan shown. */
    private static String download(String format, String asOf, AsOf at, String plan) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/api/v1/kpis").queryParam("format", format);
        if (plan != null) {
            url.queryParam("planId", plan);
        }
        if (!at.isNow()) {
            url.queryParam("asOf", asOf);
        }
        return url.build().encode().toUriString();
    }
}
