package org.kpiledger.query.period;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.kpiledger.pages.LedgerPage;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A published report as a page, printable as the committee's packet: its title and the instant it stands for, the
 * figures and grades of the plan's KPIs as the ledger stood then, the committee's opinions, and what makes it
 * verifiable (position, checkpoint, view hash, the link that recomputes it from the events).
 */
@Controller
@LedgerPage
class ReportPage {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final KpiProgressReader kpis;

    ReportPage(JdbcTemplate jdbc, JsonMapper json, KpiProgressReader kpis) {
        this.jdbc = jdbc;
        this.json = json;
        this.kpis = kpis;
    }

    /** A KPI of the report and its figure: of the period's year, or the latest for a report of the whole ledger. */
    record Row(KpiProgressView kpi, BigDecimal figure) {
    }

    private static BigDecimal figureOf(KpiProgressView kpi, Integer fiscalYear) {
        if (fiscalYear == null) {
            return kpi.latestActual() == null ? null : kpi.latestActual().value();
        }
        return kpi.actuals().stream().filter(actual -> actual.fiscalYear() == fiscalYear).findFirst()
                .map(KpiProgressView.Actual::value).orElse(null);
    }

    @GetMapping(value = "/reports/{publicationId}", produces = MediaType.TEXT_HTML_VALUE)
    String report(@PathVariable String publicationId, Model model) {
        JsonNode report = jdbc.queryForList("select to_value::text from ledger_change where subject = ? "
                + "and type = 'ReportPublished'", String.class, publicationId).stream().findFirst()
                .map(json::readTree).orElseThrow(() -> ProblemType.PUBLICATION_NOT_FOUND.exception(
                        "No report " + publicationId + " was published.", "publicationId"));
        Instant asOf = Instant.parse(report.path("asOf").asString());
        List<Map<String, Object>> period = jdbc.queryForList("select plan_id, fiscal_year from reporting_period_step "
                + "where publication_id = ?", publicationId);
        String planId = period.isEmpty() ? null : (String) period.get(0).get("plan_id");
        Integer fiscalYear = period.isEmpty() ? null : (Integer) period.get(0).get("fiscal_year");
        List<KpiProgressView> shown = kpis.all(new AsOf(asOf)).kpis().stream()
                .filter(kpi -> planId == null || kpi.strategy() != null && planId.equals(kpi.strategy().planId()))
                .toList();
        model.addAttribute("asOf", null);
        model.addAttribute("publicationId", publicationId);
        model.addAttribute("report", report);
        model.addAttribute("reportAsOf", asOf);
        model.addAttribute("planId", planId);
        model.addAttribute("fiscalYear", fiscalYear);
        model.addAttribute("rows", shown.stream().map(kpi -> new Row(kpi, figureOf(kpi, fiscalYear))).toList());
        model.addAttribute("opinions", planId == null ? List.of() : jdbc.queryForList("select text, kpi_id "
                + "from reporting_period_opinion where plan_id = ? and fiscal_year = ? and position <= ? "
                + "order by position", planId, fiscalYear, report.path("position").asLong()));
        return "report";
    }
}
