package org.kpiledger.command.catalog;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kpiledger.command.catalog.InvalidCatalogException.RowProblem;
import org.kpiledger.events.kpi.Accumulation;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.Direction;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.LineageKind;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetComparator;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.events.strategy.DefineStrategyCommand;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.platform.web.TextRules;

/**
 * Reads a catalog file (CSV, UTF-8, one KPI a row, the columns of {@code catalog/shinagawa-2015.csv}) and checks
 * every row before anything is loaded: a catalog is taken whole or not at all, and the problems name each bad row
 * and field.
 */
final class CatalogReader {

    static final List<String> COLUMNS = List.of("kpi_id", "plan_id", "plan_title", "plan_first_year",
            "plan_last_year", "goal_number", "goal_title", "policy_code", "policy_title", "measure_number",
            "measure_title", "overall_plan", "name", "unit", "accumulation", "direction", "value_kind",
            "baseline_fiscal_year", "baseline_value", "baseline_source", "target_fiscal_year", "target_value",
            "target_comparator", "target_source", "plan_content", "status_fy2014");
    /** Columns a successor plan's catalog adds; a catalog without them states a plan that succeeds none. */
    static final List<String> LINEAGE_COLUMNS = List.of("predecessor_plan_id", "continues_kpi_id", "lineage");
    private static final Set<String> OPTIONAL = Set.of("baseline_value", "plan_content", "status_fy2014",
            "overall_plan");

    private final Clock clock;

    CatalogReader(Clock clock) {
        this.clock = clock;
    }

    Catalog read(Reader csv) {
        List<RowProblem> problems = new ArrayList<>();
        Map<PlanId, PlanRows> plans = new LinkedHashMap<>();
        List<Catalog.Entry> kpis = new ArrayList<>();
        List<RowProblem> lineageProblems = new ArrayList<>();
        Set<String> kpiIds = new HashSet<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(csv)) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column))
                    .toList();
            if (!missing.isEmpty()) {
                throw new InvalidCatalogException(List.of(new RowProblem(0, String.join(", ", missing),
                        "the header lacks these columns")));
            }
            for (CSVRecord record : parser) {
                Row row = new Row(record.getRecordNumber(), record, problems);
                Catalog.Entry entry = row.entry(clock, lineageProblems);
                if (entry != null && !kpiIds.add(entry.placement().planId() + " " + entry.code())) {
                    problems.add(new RowProblem(row.number, "kpi_id",
                            "the code is used by an earlier row of the same plan"));
                }
                if (entry != null) {
                    kpis.add(entry);
                    plans.computeIfAbsent(entry.placement().planId(), id -> new PlanRows()).add(row, problems);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(new RowProblem(0, "file", "is not CSV as RFC 4180 writes it: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            problems.addAll(lineageProblems);
            problems.sort(Comparator.comparingLong(RowProblem::row));
            throw new InvalidCatalogException(problems);
        }
        if (kpis.isEmpty()) {
            throw new InvalidCatalogException(List.of(new RowProblem(0, "file", "holds no KPI")));
        }
        return new Catalog(plans.entrySet().stream().map(plan -> plan.getValue().command(plan.getKey())).toList(),
                kpis, lineageProblems);
    }

    /** One data row, read field by field; each problem is noted and the row yields nothing. */
    private static final class Row {

        private final long number;
        private final CSVRecord record;
        private final List<RowProblem> problems;
        private final int problemsBefore;

        Row(long number, CSVRecord record, List<RowProblem> problems) {
            this.number = number;
            this.record = record;
            this.problems = problems;
            this.problemsBefore = problems.size();
        }

        Catalog.Entry entry(Clock clock, List<RowProblem> lineageProblems) {
            KpiId kpiId = parsed("kpi_id", KpiId::new);
            String name = text("name", false);
            String unit = text("unit", false);
            Accumulation accumulation = parsed("accumulation", Accumulation::valueOf);
            Direction direction = parsed("direction", Direction::valueOf);
            ValueKind kind = parsed("value_kind", ValueKind::valueOf);
            FiscalYear baselineYear = parsed("baseline_fiscal_year", FiscalYear::parse);
            BigDecimal baselineValue = record.get("baseline_value").isBlank() ? null
                    : parsed("baseline_value", BigDecimal::new);
            String baselineSource = text("baseline_source", false);
            FiscalYear targetYear = parsed("target_fiscal_year", FiscalYear::parse);
            BigDecimal targetValue = parsed("target_value", BigDecimal::new);
            TargetComparator comparator = parsed("target_comparator", TargetComparator::valueOf);
            PlanId planId = parsed("plan_id", PlanId::new);
            String policyCode = text("policy_code", false);
            Integer measure = parsed("measure_number", Integer::valueOf);
            text("goal_title", false);
            text("policy_title", false);
            text("measure_title", false);
            text("plan_title", false);
            parsed("goal_number", Integer::valueOf);
            parsed("plan_first_year", FiscalYear::parse);
            parsed("plan_last_year", FiscalYear::parse);
            for (String multiLine : List.of("plan_content", "status_fy2014", "overall_plan")) {
                text(multiLine, true);
            }
            String continuesCode = optional("continues_kpi_id");
            LineageKind lineage = optional("lineage") == null ? null : parsed("lineage", LineageKind::valueOf);
            if (continuesCode != null) {
                parsed("continues_kpi_id", KpiId::new);
            }
            if (optional("predecessor_plan_id") != null) {
                parsed("predecessor_plan_id", PlanId::new);
            }
            if (problems.size() > problemsBefore) {
                return null;
            }
            // named with the lineage problems only the ledger can find, all in one answer
            lineageCheck(lineageProblems, "lineage", continuesCode != null && lineage == null
                    ? "is required with continues_kpi_id (CARRIED_OVER, RENAMED, REBASED or REDEFINED)" : null);
            lineageCheck(lineageProblems, "continues_kpi_id", continuesCode == null && lineage != null
                    ? "is required with lineage: the predecessor plan's code of the KPI continued" : null);
            lineageCheck(lineageProblems, "continues_kpi_id", continuesCode != null
                    && optional("predecessor_plan_id") == null
                    ? "continues a KPI, but the row names no predecessor_plan_id" : null);
            check("baseline_value", baselineValue == null ? null : kind.violation(baselineValue));
            check("target_value", kind.violation(targetValue));
            check("target_fiscal_year", targetYear.isAfter(baselineYear) ? null
                    : "must come after the baseline year " + baselineYear);
            check("baseline_fiscal_year", baselineValue == null
                    || !baselineYear.firstDay().isAfter(LocalDate.now(clock)) ? null
                    : "a measured baseline cannot lie in a fiscal year that has not begun");
            check("measure_number", measure >= 1 ? null : "measures are numbered from 1");
            if (problems.size() > problemsBefore) {
                return null;
            }
            boolean plainBaseline = baselineValue != null && !baselineSource.matches(".*(以上|以下|超|未満|\\().*");
            Baseline baseline = new Baseline(baselineYear,
                    baselineValue == null ? null : new Quantity(baselineValue, unit),
                    plainBaseline ? null : baselineSource);
            return new Catalog.Entry(number, new RegisterKpiCommand(kpiId, name, unit, accumulation, direction,
                    baseline, new Target(targetYear, new Quantity(targetValue, unit), comparator), kind),
                    new KpiPlacement(planId, policyCode, measure), continuesCode, lineage);
        }

        String get(String column) {
            return record.isSet(column) ? record.get(column) : "";
        }

        /** A column a catalog may leave out, or leave empty: null then. */
        private String optional(String column) {
            String value = get(column).strip();
            return value.isEmpty() ? null : value;
        }

        private String text(String column, boolean multiLine) {
            String value = TextRules.canonical(record.get(column).strip());
            if (value.isEmpty() && OPTIONAL.contains(column)) {
                return null;
            }
            check(column, TextRules.violation(value, multiLine));
            return value;
        }

        private <T> T parsed(String column, Function<String, T> parser) {
            String value = record.get(column).strip();
            if (value.isEmpty()) {
                problems.add(new RowProblem(number, column, "is required"));
                return null;
            }
            try {
                return parser.apply(value);
            } catch (RuntimeException e) {
                problems.add(new RowProblem(number, column, "is not valid: " + value));
                return null;
            }
        }

        private void lineageCheck(List<RowProblem> lineageProblems, String column, String violation) {
            if (violation != null) {
                lineageProblems.add(new RowProblem(number, column, violation));
            }
        }

        private void check(String column, String violation) {
            if (violation != null) {
                problems.add(new RowProblem(number, column, violation));
            }
        }
    }

    /** The rows of one plan, which must agree on the plan, its goals, policies and measures. */
    private static final class PlanRows {

        private final Map<String, String> facts = new LinkedHashMap<>();
        private final Map<Integer, Map<String, Map<Integer, String>>> tree = new LinkedHashMap<>();
        private final Map<String, Set<String>> overallPlans = new LinkedHashMap<>();
        private final Map<Integer, String> goalTitles = new LinkedHashMap<>();
        private final Map<String, String> policyTitles = new LinkedHashMap<>();

        void add(Row row, List<RowProblem> problems) {
            agree(row, problems, "plan", "plan_title");
            agree(row, problems, "plan", "plan_first_year");
            agree(row, problems, "plan", "plan_last_year");
            agree(row, problems, "plan", "predecessor_plan_id");
            agree(row, problems, "goal " + row.get("goal_number"), "goal_title");
            agree(row, problems, "policy " + row.get("policy_code"), "policy_title");
            agree(row, problems, "policy " + row.get("policy_code"), "goal_number");
            String measureKey = "measure " + row.get("policy_code") + "/" + row.get("measure_number");
            agree(row, problems, measureKey, "measure_title");
            int goal = Integer.parseInt(row.get("goal_number").strip());
            String policy = row.get("policy_code").strip();
            int measure = Integer.parseInt(row.get("measure_number").strip());
            goalTitles.putIfAbsent(goal, row.get("goal_title").strip());
            policyTitles.putIfAbsent(policy, row.get("policy_title").strip());
            tree.computeIfAbsent(goal, g -> new LinkedHashMap<>()).computeIfAbsent(policy, p -> new LinkedHashMap<>())
                    .putIfAbsent(measure, TextRules.canonical(row.get("measure_title").strip()));
            Set<String> plans = overallPlans.computeIfAbsent(policy + "/" + measure, key -> new LinkedHashSet<>());
            if (!row.get("overall_plan").isBlank()) {
                plans.add(TextRules.canonical(row.get("overall_plan").strip()));
            }
        }

        private void agree(Row row, List<RowProblem> problems, String scope, String column) {
            String value = row.get(column).strip();
            String first = facts.putIfAbsent(scope + ":" + column, value);
            if (first != null && !first.equals(value)) {
                problems.add(new RowProblem(row.number, column, "differs from an earlier row of the same " + scope
                        + " (\"" + first + "\")"));
            }
        }

        DefineStrategyCommand command(PlanId planId) {
            String predecessor = facts.get("plan:predecessor_plan_id");
            return new DefineStrategyCommand(planId, TextRules.canonical(facts.get("plan:plan_title")),
                    FiscalYear.parse(facts.get("plan:plan_first_year")),
                    FiscalYear.parse(facts.get("plan:plan_last_year")),
                    predecessor.isEmpty() ? null : new PlanId(predecessor),
                    tree.entrySet().stream().map(goal -> new DefineStrategyCommand.Goal(goal.getKey(),
                            TextRules.canonical(goalTitles.get(goal.getKey())),
                            goal.getValue().entrySet().stream().map(policy -> new DefineStrategyCommand.Policy(
                                    policy.getKey(), TextRules.canonical(policyTitles.get(policy.getKey())),
                                    policy.getValue().entrySet().stream().map(measure -> new DefineStrategyCommand.Measure(
                                            measure.getKey(), measure.getValue(), List.copyOf(overallPlans.get(
                                                    policy.getKey() + "/" + measure.getKey())))).toList()))
                                    .toList())).toList());
        }
    }
}
