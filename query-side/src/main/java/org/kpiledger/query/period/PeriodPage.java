package org.kpiledger.query.period;

import java.util.List;
import java.util.Map;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.temporal.ProjectionProgress;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reporting period's page: each department's state, counts and missing KPIs, the overdue marked in colour and in
 * words; the committee's opinions; and, for whoever may take them, the next steps (enter, review, give an opinion,
 * publish, reopen), whose forms go to the command side. The review page shows a department's submission and what
 * changed in it since its previous submission.
 */
@Controller
@LedgerPage
class PeriodPage {

    private final PeriodReader reader;
    private final ProjectionProgress progress;

    PeriodPage(PeriodReader reader, ProjectionProgress progress) {
        this.reader = reader;
        this.progress = progress;
    }

    @GetMapping(value = "/periods/{planId}/{fiscalYear}", produces = MediaType.TEXT_HTML_VALUE)
    String period(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @RequestParam(required = false) Long minPosition, Model model) {
        progress.await(minPosition, PeriodController.PROJECTIONS);
        model.addAttribute("asOf", null);
        model.addAttribute("period", find(planId, fiscalYear));
        model.addAttribute("action", "/entry/periods/" + planId + "/" + fiscalYear.year());
        return "period";
    }

    @GetMapping(value = "/periods/{planId}/{fiscalYear}/departments/{department}/review",
            produces = MediaType.TEXT_HTML_VALUE)
    String review(@PathVariable PlanId planId, @PathVariable FiscalYear fiscalYear,
            @PathVariable Department department, Model model) {
        PeriodView.Period period = find(planId, fiscalYear);
        model.addAttribute("asOf", null);
        model.addAttribute("period", period);
        model.addAttribute("department", period.departments().stream()
                .filter(each -> each.department().equals(department.code())).findFirst()
                .orElseThrow(() -> ProblemType.PERIOD_NOT_FOUND.exception(department + " owns no KPI of plan "
                        + planId + ".", "department")));
        List<Map<String, Object>> changes = reader.changesSincePreviousSubmission(planId.value(), fiscalYear.year(),
                department.code());
        model.addAttribute("changes", changes);
        model.addAttribute("action", "/entry/periods/" + planId + "/" + fiscalYear.year() + "/departments/"
                + department + "/review");
        return "period-review";
    }

    private PeriodView.Period find(PlanId planId, FiscalYear fiscalYear) {
        return reader.period(planId.value(), fiscalYear.year()).orElseThrow(() ->
                ProblemType.PERIOD_NOT_FOUND.exception("No reporting period of " + fiscalYear
                        + " is open for plan " + planId + ".", "fiscalYear"));
    }
}
