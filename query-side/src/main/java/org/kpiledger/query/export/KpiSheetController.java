package org.kpiledger.query.export;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.query.progress.KpiProgressReader;
import org.kpiledger.query.progress.KpiProgressView;
import org.kpiledger.query.temporal.AsOf;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The progress of every KPI as a spreadsheet laid out like a municipal effect verification sheet (効果検証シート):
 * goal, policy, measure, KPI, unit, baseline, target, the actual of each fiscal year, progress, grade, remarks. The
 * same as {@code GET /api/v1/kpis} (also {@code asOf}), all KPIs at once, for {@code Accept: text/csv} or XLSX.
 */
@RestController
class KpiSheetController {

    private static final String AS_OF = "An ISO-8601 instant with its offset, or a date (the end of that day in the "
            + "ledger's time zone): the sheet as the ledger stood then. Absent: now.";

    private static final String FOR_YEAR = "The fiscal year a department is to fill in: its column is there even "
            + "while empty, with a column for the reason of a correction; the sheet goes back through "
            + "POST /api/v1/strategies/{planId}/periods/{fiscalYear}/figures.";
    private static final String FOR_DEPARTMENT = "Only the KPIs this department owns.";
    private static final String FOR_PLAN = "Only the KPIs of this plan.";
    /** The column a department fills in with the reason of a figure it corrects (read back by the bulk upload). */
    static final String REASON = "訂正理由 reason";

    private final KpiProgressReader reader;
    private final Clock clock;

    KpiSheetController(KpiProgressReader reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    @GetMapping(value = "/api/v1/kpis", produces = Spreadsheet.TEXT_CSV)
    @Operation(summary = "Every KPI's progress as CSV (UTF-8 with a byte order mark), one row per KPI")
    ResponseEntity<byte[]> csv(@Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = FOR_YEAR) @RequestParam(required = false) FiscalYear fiscalYear,
            @Parameter(description = FOR_DEPARTMENT) @RequestParam(required = false) Department department,
            @Parameter(description = FOR_PLAN) @RequestParam(required = false) PlanId planId) {
        return sheet(asOf, fiscalYear, department, planId).answer(Spreadsheet.TEXT_CSV, "kpi-progress");
    }

    @GetMapping(value = "/api/v1/kpis", produces = Spreadsheet.XLSX)
    @Operation(summary = "Every KPI's progress as an XLSX effect verification sheet, one row per KPI")
    ResponseEntity<byte[]> xlsx(@Parameter(description = AS_OF) @RequestParam(required = false) String asOf,
            @Parameter(description = FOR_YEAR) @RequestParam(required = false) FiscalYear fiscalYear,
            @Parameter(description = FOR_DEPARTMENT) @RequestParam(required = false) Department department,
            @Parameter(description = FOR_PLAN) @RequestParam(required = false) PlanId planId) {
        return sheet(asOf, fiscalYear, department, planId).answer(Spreadsheet.XLSX, "kpi-progress");
    }

    private Spreadsheet sheet(String asOf, FiscalYear fiscalYear, Department department, PlanId planId) {
        AsOf at = AsOf.parse(asOf, clock.getZone());
        KpiProgressReader.Snapshot snapshot = reader.all(at);
        List<KpiProgressView> kpis = snapshot.kpis().stream()
                .filter(kpi -> department == null || department.code().equals(kpi.department()))
                .filter(kpi -> planId == null || kpi.strategy() != null
                        && planId.value().equals(kpi.strategy().planId())).toList();
        TreeSet<Integer> years = new TreeSet<>();
        kpis.forEach(kpi -> kpi.actuals().forEach(actual -> years.add(actual.fiscalYear())));
        if (fiscalYear != null) {
            years.add(fiscalYear.year());
        }
        List<String> header = new ArrayList<>(List.of("基本目標 goal", "基本方針 policy", "施策 measure",
                "KPI番号 KPI id", "計画 plan", "計画内番号 code", "KPI", "単位 unit", "区分 accumulation", "基準年度 baseline year",
                "基準値 baseline", "目標年度 target year", "目標値 target"));
        years.forEach(year -> header.add(year + "年度実績 actual FY" + year));
        header.addAll(List.of("進捗率 progress rate", "期待進捗 expected progress", "評価 grade", "所管 department",
                "備考 remarks"));
        if (fiscalYear != null) {
            header.add(REASON);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (KpiProgressView kpi : kpis) {
            KpiProgressView.Strategy strategy = kpi.strategy();
            List<Object> row = new ArrayList<>();
            row.add(strategy == null || strategy.goal() == null ? null
                    : strategy.goal().number() + " " + strategy.goal().title());
            row.add(strategy == null || strategy.policy() == null ? null
                    : strategy.policy().code() + " " + strategy.policy().title());
            row.add(strategy == null || strategy.measure() == null ? null
                    : strategy.measure().number() + " " + strategy.measure().title());
            row.add(kpi.kpiId());
            row.add(strategy == null ? null : strategy.planId());
            row.add(strategy == null ? null : strategy.code());
            row.add(kpi.name());
            row.add(kpi.unit());
            row.add(kpi.accumulation().name());
            row.add(kpi.baseline().fiscalYear());
            row.add(kpi.baseline().value() != null ? kpi.baseline().value() : kpi.baseline().qualifier());
            row.add(kpi.target().fiscalYear());
            row.add(kpi.target().value());
            Map<Integer, BigDecimal> actuals = new TreeMap<>();
            kpi.actuals().forEach(actual -> actuals.put(actual.fiscalYear(), actual.value()));
            years.forEach(year -> row.add(actuals.get(year)));
            row.add(kpi.achievement().progressRate());
            row.add(kpi.achievement().graded().expectedProgress());
            row.add(kpi.achievement().grade());
            row.add(kpi.department());
            row.add(kpi.latestActual() == null ? null : kpi.latestActual().note());
            if (fiscalYear != null) {
                row.add(null);
            }
            rows.add(row);
        }
        return new Spreadsheet("効果検証", header, rows, List.of(
                List.of("kpi-ledger", "KPI progress"),
                List.of("as of", at.isNow() ? "now" : at.instant().toString()),
                List.of("position", Long.toString(snapshot.position())),
                List.of("KPIs", Integer.toString(kpis.size()))));
    }
}
