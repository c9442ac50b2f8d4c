package org.kpiledger.query.dashboard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpiledger.scoring.ScoringPolicy;
import org.kpiledger.query.progress.KpiProgressView;

/**
 * The overview's tree: the plan's basic goals, their policies and measures, the KPIs under each with their
 * progress figures, and per goal the count of KPIs by grade. KPIs placed in no strategy come last.
 */
public record Overview(List<GoalSection> goals, List<Row> unplaced) {

    public record GoalSection(int number, String title, List<GradeCount> grades, List<PolicySection> policies) {
    }

    public record GradeCount(String grade, ScoringPolicy.Category category, long count) {
    }

    public record PolicySection(String code, String title, List<MeasureSection> measures) {
    }

    public record MeasureSection(int number, String title, List<Row> kpis) {
    }

    public record Row(KpiProgressView kpi, ProgressFigures figures) {
    }

    /** Policy codes as the source writes them ({@code 1-2}, {@code 1-10}), in numeric order. */
    private static final Comparator<String> POLICY_ORDER = Comparator.comparing(
            code -> Arrays.stream(code.split("-")).mapToInt(Integer::parseInt).toArray(),
            Arrays::compare);

    static Overview of(List<KpiProgressView> kpis) {
        Map<Integer, Map<String, Map<Integer, List<Row>>>> tree = new TreeMap<>();
        Map<Integer, String> goalTitles = new LinkedHashMap<>();
        Map<String, String> policyTitles = new LinkedHashMap<>();
        Map<String, String> measureTitles = new LinkedHashMap<>();
        List<Row> unplaced = new ArrayList<>();
        for (KpiProgressView kpi : kpis) {
            Row row = new Row(kpi, ProgressFigures.of(kpi));
            KpiProgressView.Strategy place = kpi.strategy();
            if (place == null || place.goal() == null) {
                unplaced.add(row);
                continue;
            }
            goalTitles.put(place.goal().number(), place.goal().title());
            policyTitles.put(place.policy().code(), place.policy().title());
            measureTitles.put(place.policy().code() + "/" + place.measure().number(), place.measure().title());
            tree.computeIfAbsent(place.goal().number(), goal -> new TreeMap<>(POLICY_ORDER))
                    .computeIfAbsent(place.policy().code(), policy -> new TreeMap<>())
                    .computeIfAbsent(place.measure().number(), measure -> new ArrayList<>())
                    .add(row);
        }
        List<GoalSection> goals = new ArrayList<>();
        tree.forEach((goal, policies) -> {
            List<PolicySection> policySections = new ArrayList<>();
            List<Row> goalRows = new ArrayList<>();
            policies.forEach((policy, measures) -> {
                List<MeasureSection> measureSections = new ArrayList<>();
                measures.forEach((measure, rows) -> {
                    measureSections.add(new MeasureSection(measure, measureTitles.get(policy + "/" + measure), rows));
                    goalRows.addAll(rows);
                });
                policySections.add(new PolicySection(policy, policyTitles.get(policy), measureSections));
            });
            goals.add(new GoalSection(goal, goalTitles.get(goal), gradeCounts(goalRows), policySections));
        });
        return new Overview(goals, unplaced);
    }

    /** The grades that occur, from the best category to the least measurable, with how many KPIs have each. */
    private static List<GradeCount> gradeCounts(List<Row> rows) {
        Map<String, GradeCount> counts = new LinkedHashMap<>();
        rows.stream().map(row -> row.kpi().achievement())
                .sorted(Comparator.comparing(achievement -> achievement.category().ordinal()))
                .forEach(achievement -> counts.merge(achievement.grade(),
                        new GradeCount(achievement.grade(), achievement.category(), 1),
                        (counted, one) -> new GradeCount(counted.grade(), counted.category(), counted.count() + 1)));
        return List.copyOf(counts.values());
    }
}
