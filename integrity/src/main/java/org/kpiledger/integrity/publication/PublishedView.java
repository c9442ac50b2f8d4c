package org.kpiledger.integrity.publication;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.scoring.ScoringPolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.integrity.chain.FlatValues;
import org.kpiledger.integrity.chain.LedgerEntry;
import org.kpiledger.scoring.Scoring;
import org.kpiledger.scoring.ScoringPolicies;
import org.kpiledger.scoring.ScoringPolicy;

/**
 * The progress of every KPI as the ledger stood after a position, folded from the events themselves (never from a
 * read model), and its hash: what a published report is, and what its verification recomputes. Per KPI, in id
 * order: its registration, target in force, placement and owner, the actual of each fiscal year, and its
 * achievement under the scoring policy its plan had adopted for the latest actual's year (shipped, or defined by the
 * city in an event before the position).
 */
final class PublishedView {

    private ScoringPolicies policies;
    private final Map<String, KpiState> kpis = new TreeMap<>();
    private final Map<String, TreeMap<Integer, ScoringPolicyAdoptedEvent>> adoptions = new TreeMap<>();

    PublishedView(ScoringPolicies policies) {
        this.policies = policies;
    }

    /** Takes in the next event, in position order. */
    void apply(Object event) {
        if (event instanceof ScoringPolicyDefinedEvent defined) {
            policies = policies.with(List.of(ScoringPolicies.parse(defined.definition())));
        } else if (event instanceof ScoringPolicyAdoptedEvent adopted) {
            adoptions.computeIfAbsent(adopted.planId().value(), plan -> new TreeMap<>())
                    .put(adopted.effectiveFrom().year(), adopted);
        } else if (event instanceof KpiEvent kpiEvent) {
            String kpiId = kpiEvent.kpiId().value();
            kpis.put(kpiId, kpis.getOrDefault(kpiId, KpiState.NONE).evolve(kpiEvent));
        }
    }

    /** The view, as the canonical JSON its hash is taken over reads it. */
    List<Map<String, Object>> kpis() {
        return kpis.entrySet().stream().filter(entry -> entry.getValue().isRegistered())
                .map(entry -> view(entry.getKey(), entry.getValue())).toList();
    }

    /** SHA-256 of the canonical JSON of {@link #kpis()}, in hex. */
    String hash() {
        return LedgerEntry.hash(Map.of("kpis", kpis()));
    }

    private Map<String, Object> view(String kpiId, KpiState kpi) {
        KpiRegisteredEvent registered = kpi.registered();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("kpiId", kpiId);
        view.put("name", registered.name());
        view.put("unit", registered.unit());
        view.put("accumulation", registered.accumulation().name());
        view.put("direction", registered.direction().name());
        view.put("baseline", FlatValues.flatten(registered.baseline()));
        view.put("target", FlatValues.flatten(kpi.target()));
        view.put("placement", FlatValues.flatten(kpi.placement()));
        view.put("department", kpi.department() == null ? null : kpi.department().code());
        Map<String, Object> actuals = new LinkedHashMap<>();
        kpi.actuals().forEach((year, value) -> actuals.put(Integer.toString(year.year()),
                value.amount().toPlainString()));
        view.put("actuals", actuals);
        Integer latestYear = kpi.latestYear().map(FiscalYear::year).orElse(null);
        BigDecimal latest = kpi.latestYear().map(year -> kpi.actuals().get(year).amount()).orElse(null);
        Target target = kpi.target();
        Scoring.Kpi graded = new Scoring.Kpi(registered.accumulation(), registered.direction(),
                registered.baseline().fiscalYear().year(),
                registered.baseline().value() == null ? null : registered.baseline().value().amount(),
                target.fiscalYear().year(), target.value().amount(), target.comparator());
        view.put("achievement", FlatValues.flatten(Scoring.achievement(graded, latestYear, latest,
                policyInForce(kpi.placement(), latestYear))));
        return view;
    }

    /** The policy the KPI's plan adopted for the year (the latest adoption while no actual is in), else the default. */
    private ScoringPolicy policyInForce(KpiPlacement placement, Integer fiscalYear) {
        if (placement == null) {
            return policies.defaultPolicy();
        }
        TreeMap<Integer, ScoringPolicyAdoptedEvent> planAdoptions = adoptions.getOrDefault(
                placement.planId().value(), new TreeMap<>());
        Map.Entry<Integer, ScoringPolicyAdoptedEvent> inForce = fiscalYear == null ? planAdoptions.lastEntry()
                : planAdoptions.floorEntry(fiscalYear);
        return inForce == null ? policies.defaultPolicy() : policies.find(inForce.getValue().policyId(),
                inForce.getValue().policyVersion()).orElse(policies.defaultPolicy());
    }
}
