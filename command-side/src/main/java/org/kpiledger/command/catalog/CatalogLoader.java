package org.kpiledger.command.catalog;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.kpiledger.command.catalog.InvalidCatalogException.RowProblem;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.strategy.InvalidStrategyException;
import org.kpiledger.command.strategy.PlanTerms;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.kpi.Lineage;
import org.kpiledger.events.kpi.PlaceKpiCommand;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.RetireKpiCommand;
import org.kpiledger.events.strategy.DefineStrategyCommand;
import org.kpiledger.events.strategy.PlanId;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.security.AuthMethod;
import org.kpiledger.platform.web.ProblemType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.kpiledger.platform.tenancy.TenantStreams;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a catalog through the same commands as any registration, under one correlation id per load: at start-up
 * as the system actor, through the API as the requester. Rows name KPIs by their code in their plan. Loading is
 * idempotent: a KPI already in the ledger is not registered again, a placement or a strategy already as stated
 * records nothing, so a restart or a second load of the same catalog adds no event.
 */
@Component
public class CatalogLoader {

    static final String ACTOR = "system:catalog";
    /** The catalog's column for each field a strategy statement can be refused on. */
    private static final Map<String, String> CATALOG_FIELDS = Map.of("lastYear", "plan_last_year",
            "predecessorPlanId", "predecessor_plan_id", "goals", "goal_number", "policies", "policy_code",
            "measures", "measure_number");
    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    private final CommandGateway commands;
    private final EventStore eventStore;
    private final ResourceLoader resources;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final JdbcTemplate jdbc;
    private final PlanTerms planTerms;
    private final TenantStreams streams;

    CatalogLoader(CommandGateway commands, EventStore eventStore, ResourceLoader resources, Clock clock,
                  PlatformTransactionManager transactionManager, JdbcTemplate jdbc, PlanTerms planTerms,
                  TenantStreams streams) {
        this.commands = commands;
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.planTerms = planTerms;
        this.streams = streams;
        this.resources = resources;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Reads and loads, as the system actor, a catalog named as a Spring resource ({@code classpath:...}) or a path. */
    public LoadResult load(String location) {
        Resource resource = resources.getResource(location.contains(":") ? location : "file:" + location);
        try (Reader csv = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return load(csv, MetaData.with(AxonPlatformConfiguration.ACTOR, ACTOR)
                    .and(AxonPlatformConfiguration.AUTH_METHOD, AuthMethod.SYSTEM.name())
                    .and(AxonPlatformConfiguration.CORRELATION_ID, "catalog-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the catalog " + location, e);
        }
    }

    /**
     * Checks the whole catalog first: with any bad row, nothing is loaded. The commands then run in one transaction,
     * so that a command refused half-way (another writer registered one of the KPIs meanwhile) stores nothing
     * either.
     */
    public LoadResult load(Reader csv, MetaData metaData) {
        Catalog catalog = new CatalogReader(clock).read(csv);
        return transaction.execute(status -> load(catalog, metaData));
    }

    private LoadResult load(Catalog catalog, MetaData metaData) {
        LedgerPlans ledger = new LedgerPlans(eventStore, jdbc, streams);
        List<Resolved> kpis = resolve(catalog, ledger);
        for (DefineStrategyCommand strategy : catalog.strategies()) {
            try {
                commands.sendAndWait(strategy, metaData);
            } catch (InvalidStrategyException refused) {
                throw new InvalidCatalogException(List.of(new RowProblem(firstRows(catalog).get(strategy.planId()),
                        CATALOG_FIELDS.getOrDefault(refused.field(), "plan_id"), refused.getMessage())));
            }
        }
        int registered = 0;
        int placed = 0;
        for (Resolved kpi : kpis) {
            if (kpi.isNew()) {
                RegisterKpiCommand row = kpi.entry().registration();
                commands.sendAndWait(new RegisterKpiCommand(kpi.kpiId(), row.name(), row.unit(), row.accumulation(),
                        row.direction(), row.baseline(), row.target(), row.valueKind(),
                        kpi.kpiId().value().equals(kpi.entry().code()) ? null : kpi.entry().code(), kpi.lineage()),
                        metaData);
                registered++;
            }
            try {
                commands.sendAndWait(new PlaceKpiCommand(kpi.kpiId(), kpi.entry().placement(), null), metaData);
                placed++;
            } catch (KpiRuleViolation alreadyThere) {
                if (alreadyThere.code() != ProblemType.NOTHING_CHANGED) {
                    throw alreadyThere;
                }
            }
        }
        int retired = retireWhatNothingContinues(catalog, kpis, ledger, metaData);
        LoadResult result = new LoadResult(catalog.strategies().size(), catalog.kpis().size(), registered, placed,
                retired);
        log.info("Catalog loaded: {} strategy(ies), {} KPIs, {} registered now, {} placed now, {} retired now",
                result.strategies(), result.kpis(), result.registered(), result.placed(), result.retired());
        return result;
    }

    /** A row's KPI in the ledger (new or there already) and the predecessor's KPI it continues. */
    private record Resolved(Catalog.Entry entry, KpiId kpiId, boolean isNew, Lineage lineage) {
    }

    /**
     * Names each row's KPI by plan and code, and checks every plan's predecessor and every row's lineage against the
     * ledger: a missing predecessor plan or KPI, a KPI continued twice, a plan that would succeed itself through its
     * predecessors, a second successor of a plan. Any problem refuses the whole catalog before anything is sent.
     */
    private List<Resolved> resolve(Catalog catalog, LedgerPlans ledger) {
        List<RowProblem> problems = new ArrayList<>(catalog.lineageProblems());
        Map<PlanId, Long> firstRows = firstRows(catalog);
        Map<PlanId, PlanId> predecessors = new HashMap<>();
        for (DefineStrategyCommand strategy : catalog.strategies()) {
            PlanId plan = strategy.planId();
            PlanId predecessor = strategy.predecessor();
            if (predecessor == null) {
                continue;
            }
            String problem = predecessorProblem(plan, predecessor, ledger);
            if (problem != null) {
                problems.add(new RowProblem(firstRows.get(plan), "predecessor_plan_id", problem));
            } else {
                predecessors.put(plan, predecessor);
            }
        }
        List<Resolved> resolved = new ArrayList<>();
        Map<KpiId, Long> continued = new HashMap<>();
        Set<KpiId> claimed = new HashSet<>();
        for (Catalog.Entry entry : catalog.kpis()) {
            PlanId plan = entry.placement().planId();
            Optional<KpiId> existing = ledger.kpiOf(plan, entry.code());
            KpiId kpiId = existing.or(() -> ledger.freeIdFor(plan, entry.code(), claimed)).orElse(null);
            if (kpiId == null) {
                problems.add(new RowProblem(entry.row(), "kpi_id", "other plans' KPIs hold both " + entry.code()
                        + " and " + plan + "." + entry.code() + " (or the latter is longer than 64 characters)"));
                continue;
            }
            Lineage lineage = null;
            PlanId predecessor = predecessors.get(plan);
            if (entry.continuesCode() != null && entry.lineage() != null && predecessor != null) {
                Optional<KpiId> continues = ledger.kpiOf(predecessor, entry.continuesCode()).filter(id -> ledger
                        .kpi(id).map(state -> state.placement() != null).orElse(false));
                if (continues.isEmpty()) {
                    problems.add(new RowProblem(entry.row(), "continues_kpi_id", "plan " + predecessor
                            + " has no KPI " + entry.continuesCode()));
                    continue;
                }
                Long earlier = continued.putIfAbsent(continues.get(), entry.row());
                if (earlier != null) {
                    problems.add(new RowProblem(entry.row(), "continues_kpi_id", "KPI " + entry.continuesCode()
                            + " of plan " + predecessor + " is continued by row " + earlier + " already"));
                    continue;
                }
                lineage = new Lineage(continues.get(), entry.lineage());
            }
            Lineage recorded = existing.flatMap(ledger::kpi).map(state -> state.registered().lineage()).orElse(null);
            if (existing.isPresent() && !Objects.equals(recorded, lineage)) {
                problems.add(new RowProblem(entry.row(), "lineage", "KPI " + existing.get() + " is in the ledger "
                        + "with " + (recorded == null ? "no lineage" : recorded.kind() + " of " + recorded.predecessor())
                        + "; a recorded lineage does not change"));
                continue;
            }
            claimed.add(kpiId);
            resolved.add(new Resolved(entry, kpiId, existing.isEmpty(), lineage));
        }
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparingLong(RowProblem::row));
            throw new InvalidCatalogException(problems);
        }
        return resolved;
    }

    private static String predecessorProblem(PlanId plan, PlanId predecessor, LedgerPlans ledger) {
        if (predecessor.equals(plan)) {
            return "a plan cannot succeed itself";
        }
        Map<PlanId, StrategyDefinedEvent> plans = ledger.plans();
        if (!plans.containsKey(predecessor)) {
            return "no plan " + predecessor + " is in the ledger; load the predecessor's catalog first";
        }
        Set<PlanId> seen = new HashSet<>(Set.of(plan));
        for (PlanId earlier = predecessor; earlier != null; earlier = plans.get(earlier) == null ? null
                : plans.get(earlier).predecessor()) {
            if (!seen.add(earlier)) {
                return "plan " + plan + " would succeed itself through " + predecessor + " (a cycle)";
            }
        }
        return plans.values().stream().filter(defined -> predecessor.equals(defined.predecessor())
                        && !defined.planId().equals(plan)).findFirst()
                .map(other -> "plan " + other.planId() + " already succeeds " + predecessor).orElse(null);
    }

    /**
     * A predecessor's KPI that no row of its successor's catalog continues is retired at the end of its plan (or of
     * its last actual, if later), with the successor named as the reason.
     */
    private int retireWhatNothingContinues(Catalog catalog, List<Resolved> kpis, LedgerPlans ledger,
            MetaData metaData) {
        Set<KpiId> continued = new HashSet<>();
        kpis.stream().filter(kpi -> kpi.lineage() != null).forEach(kpi -> continued.add(kpi.lineage().predecessor()));
        int retired = 0;
        for (DefineStrategyCommand strategy : catalog.strategies()) {
            if (strategy.predecessor() == null) {
                continue;
            }
            FiscalYear planEnd = planTerms.of(strategy.predecessor()).orElseThrow().lastYear();
            for (Map.Entry<KpiId, KpiState> kpi : ledger.placedIn(strategy.predecessor()).entrySet()) {
                KpiState state = kpi.getValue();
                if (continued.contains(kpi.getKey()) || state.retirement() != null) {
                    continue;
                }
                FiscalYear lastYear = state.latestYear().filter(latest -> latest.isAfter(planEnd)).orElse(planEnd);
                commands.sendAndWait(new RetireKpiCommand(kpi.getKey(), lastYear, "Not continued by plan "
                        + strategy.planId() + ", which succeeds plan " + strategy.predecessor() + ".", null), metaData);
                retired++;
            }
        }
        return retired;
    }

    private static Map<PlanId, Long> firstRows(Catalog catalog) {
        Map<PlanId, Long> rows = new HashMap<>();
        catalog.kpis().forEach(entry -> rows.putIfAbsent(entry.placement().planId(), entry.row()));
        return rows;
    }

    /** What a load did: how many KPIs the catalog holds, and how many of them it registered, placed or retired now. */
    public record LoadResult(int strategies, int kpis, int registered, int placed, int retired) {
    }
}
