package org.kpiledger.command.period;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.config.Configuration;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.kpiledger.command.kpi.DepartmentRuleException;
import org.kpiledger.command.kpi.InvalidKpiCommandException;
import org.kpiledger.command.kpi.KpiRuleViolation;
import org.kpiledger.command.kpi.KpiStreams;
import org.kpiledger.command.kpi.PlanKpis;
import org.kpiledger.command.kpi.SeriesHolders;
import org.kpiledger.command.scoring.DefinedScoringPolicies;
import org.kpiledger.command.strategy.PlanTerms;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.FigureStep;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.period.DeclareFigureLateCommand;
import org.kpiledger.events.period.FigureRow;
import org.kpiledger.events.period.GiveOpinionCommand;
import org.kpiledger.events.period.OpenReportingPeriodCommand;
import org.kpiledger.events.period.PublishPeriodCommand;
import org.kpiledger.events.period.RecordFiguresCommand;
import org.kpiledger.events.period.ReopenPeriodCommand;
import org.kpiledger.events.period.ReportingPeriodId;
import org.kpiledger.events.period.ReviewDecision;
import org.kpiledger.events.period.ReviewDepartmentCommand;
import org.kpiledger.events.period.SubmitDepartmentCommand;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.scoring.Achievement;
import org.kpiledger.scoring.Scoring;
import org.kpiledger.scoring.ScoringPolicy;
import org.springframework.stereotype.Component;

/**
 * The steps of the reporting cycle that decide across aggregates. Each command is one unit of work, one
 * transaction: the period and every KPI the step touches are loaded into it, each decides alone, and a refusal by
 * any of them rolls back all. Explicit by design: a submission that locked half a department's KPIs, or a bulk that
 * stored half its rows, must not exist even for a moment.
 */
@Component
class ReportingCycle {

    private final Configuration axon;
    private final KpiStreams kpis;
    private final PlanKpis planKpis;
    private final PlanTerms planTerms;
    private final DefinedScoringPolicies policies;
    private final SeriesHolders holders;
    private final Clock clock;

    ReportingCycle(Configuration axon, KpiStreams kpis, PlanKpis planKpis, PlanTerms planTerms,
            DefinedScoringPolicies policies, SeriesHolders holders, Clock clock) {
        this.holders = holders;
        this.axon = axon;
        this.kpis = kpis;
        this.planKpis = planKpis;
        this.planTerms = planTerms;
        this.policies = policies;
        this.clock = clock;
    }

    @CommandHandler
    String handle(OpenReportingPeriodCommand command) throws Exception {
        ReportingPeriodId periodId = command.periodId();
        PlanTerms.Terms terms = terms(periodId);
        if (!terms.covers(periodId.fiscalYear())) {
            throw new PeriodRuleException(ProblemType.INVALID_FIELD, "fiscalYear", "The plan runs from "
                    + terms.firstYear() + " to " + terms.lastYear() + "; " + periodId.fiscalYear() + " is outside it.");
        }
        if (periodId.fiscalYear().firstDay().isAfter(LocalDate.now(clock))) {
            throw new PeriodRuleException(ProblemType.FISCAL_YEAR_NOT_STARTED, "fiscalYear",
                    periodId.fiscalYear() + " has not begun; its figures are reported after it.");
        }
        if (opened(periodId)) {
            throw new PeriodRuleException(ProblemType.PERIOD_ALREADY_OPEN, "fiscalYear",
                    "The reporting period of " + periodId.fiscalYear() + " is already open.");
        }
        repository().newInstance(() -> new ReportingPeriod(periodId, command.dueDate()));
        return periodId.toString();
    }

    @CommandHandler
    FiguresResult handle(RecordFiguresCommand command,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_DEPARTMENT) String writerDepartment,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_ROLES) String writerRoles) {
        ReportingPeriodId periodId = command.periodId();
        PlanTerms.Terms terms = terms(periodId);
        requireOpened(periodId);
        Set<KpiId> registered = planKpis.registeredAmong(command.figures().stream().map(FigureRow::kpiId).toList());
        // every KPI locked in id order before any is written: two bulks never wait on each other in a circle
        registered.stream().sorted(Comparator.comparing(KpiId::value)).forEach(kpis::state);
        List<FiguresResult.Row> rows = new ArrayList<>();
        Set<KpiId> seen = new HashSet<>();
        for (FigureRow figure : command.figures()) {
            rows.add(registered.contains(figure.kpiId())
                    ? write(periodId, figure, seen, writerDepartment, writerRoles, command.dryRun() ? terms : null)
                    : refused(figure.kpiId().value(), ProblemType.KPI_NOT_FOUND, "kpiId",
                            "No KPI " + figure.kpiId() + " is registered."));
        }
        FiguresResult result = FiguresResult.of(rows);
        if (command.dryRun() || result.refused() > 0) {
            throw new FiguresNotStoredException(result, command.dryRun());
        }
        return result;
    }

    private FiguresResult.Row write(ReportingPeriodId periodId, FigureRow figure, Set<KpiId> seen,
            String writerDepartment, String writerRoles, PlanTerms.Terms preview) {
        String kpiId = figure.kpiId().value();
        if (!seen.add(figure.kpiId())) {
            return refused(kpiId, ProblemType.INVALID_FIELD, "kpiId", "KPI " + kpiId + " appears twice.");
        }
        try {
            KpiState before = kpis.state(figure.kpiId()).orElseThrow(() ->
                    new AggregateNotFoundException(kpiId, "No KPI " + kpiId + " is registered."));
            requireInPlan(before, periodId);
            KpiStreams.Written written = kpis.write(figure.kpiId(), periodId.fiscalYear(), figure.value(),
                    figure.note(), figure.evidenceReference(), figure.reason(), writerDepartment, writerRoles);
            if (preview == null) {
                return new FiguresResult.Row(kpiId, written.outcome().name(), null, null, null, written.version(),
                        null, null, null);
            }
            Achievement achievement = achievement(written.state(), preview);
            return new FiguresResult.Row(kpiId, written.outcome().name(), null, null, null, written.version(),
                    achievement.progressRate(), achievement.grade(), achievement(before, preview).grade());
        } catch (KpiRuleViolation violation) {
            return refused(kpiId, violation.code(), violation.field(), violation.getMessage());
        } catch (PeriodRuleException violation) {
            return refused(kpiId, violation.code(), violation.field(), violation.getMessage());
        } catch (InvalidKpiCommandException invalid) {
            return refused(kpiId, ProblemType.INVALID_FIELD, invalid.field(), invalid.getMessage());
        } catch (DepartmentRuleException otherDepartment) {
            return refused(kpiId, ProblemType.FORBIDDEN, "kpiId", otherDepartment.getMessage());
        } catch (AggregateNotFoundException unknown) {
            return refused(kpiId, ProblemType.KPI_NOT_FOUND, "kpiId", "No KPI " + kpiId + " is registered.");
        }
    }

    private static FiguresResult.Row refused(String kpiId, ProblemType code, String field, String detail) {
        return new FiguresResult.Row(kpiId, "REFUSED", code.name(), field, detail, null, null, null, null);
    }

    /** The achievement the KPI's latest figure gives under the policy in force for its year. */
    private Achievement achievement(KpiState state, PlanTerms.Terms terms) {
        Optional<FiscalYear> latest = state.latestYear();
        var registered = state.registered();
        var target = state.target();
        Scoring.Kpi kpi = new Scoring.Kpi(registered.accumulation(), registered.direction(),
                registered.baseline().fiscalYear().year(),
                registered.baseline().isMeasured() ? registered.baseline().value().amount() : null,
                target.fiscalYear().year(), target.value().amount(), target.comparator());
        ScoringPolicy policy = latest.flatMap(terms::adoptionFor)
                .flatMap(adoption -> policies.find(adoption.policyId(), adoption.policyVersion()))
                .orElse(policies.defaultPolicy());
        BigDecimal value = latest.flatMap(state::actual).map(quantity -> quantity.amount()).orElse(null);
        return Scoring.achievement(kpi, latest.map(FiscalYear::year).orElse(null), value, policy);
    }

    @CommandHandler
    long handle(DeclareFigureLateCommand command,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_DEPARTMENT) String writerDepartment,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_ROLES) String writerRoles) {
        requireOpened(command.periodId());
        KpiState state = kpis.state(command.kpiId()).orElseThrow(() ->
                new AggregateNotFoundException(command.kpiId().value(), "No KPI " + command.kpiId()));
        requireInPlan(state, command.periodId());
        return kpis.declareLate(command.kpiId(), command.periodId().fiscalYear(), command.reason(),
                command.expectedBy(), writerDepartment, writerRoles);
    }

    @CommandHandler
    List<KpiId> handle(SubmitDepartmentCommand command,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_DEPARTMENT) String writerDepartment,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_ROLES) String writerRoles) {
        Department department = command.department();
        if (!LedgerRole.split(writerRoles).contains(LedgerRole.ADMIN)
                && !department.code().equals(writerDepartment)) {
            throw PeriodRuleException.otherDepartment("Staff submit only their own department's figures.");
        }
        ReportingPeriodId periodId = command.periodId();
        Aggregate<ReportingPeriod> period = period(periodId);
        List<KpiId> owned = new ArrayList<>();
        Set<String> missing = new TreeSet<>();
        for (Map.Entry<KpiId, KpiState> kpi : planStates(periodId).entrySet()) {
            KpiState state = kpi.getValue();
            if (department.equals(state.department())) {
                owned.add(kpi.getKey());
                if (state.actual(periodId.fiscalYear()).isEmpty()
                        && state.figureInCycle(periodId.fiscalYear()).late() == null) {
                    missing.add(kpi.getKey().value());
                }
            }
        }
        if (owned.isEmpty()) {
            throw new PeriodRuleException(ProblemType.PERIOD_STEP_REFUSED, "department",
                    department + " owns no KPI of plan " + periodId.planId() + ".");
        }
        if (!missing.isEmpty()) {
            PeriodRuleException incomplete = new PeriodRuleException(ProblemType.SUBMISSION_INCOMPLETE, "kpiIds",
                    "These KPIs have neither a figure for " + periodId.fiscalYear() + " nor a declaration that it "
                            + "comes later: " + String.join(", ", missing) + ".");
            throw incomplete;
        }
        period.execute(p -> p.submit(department, owned));
        for (KpiId kpiId : owned) {
            kpis.takeStep(kpiId, periodId.fiscalYear(), FigureStep.SUBMITTED, null, null, null);
        }
        return owned;
    }

    @CommandHandler
    List<KpiId> handle(ReviewDepartmentCommand command, @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        ReportingPeriodId periodId = command.periodId();
        List<KpiId> submitted = period(periodId).invoke(p -> p.review(command.department(), command.decision(),
                command.comment(), actor));
        FigureStep step = command.decision() == ReviewDecision.APPROVE ? FigureStep.APPROVED : FigureStep.RETURNED;
        for (KpiId kpiId : submitted) {
            kpis.takeStep(kpiId, periodId.fiscalYear(), step, command.comment(), null, null);
        }
        return submitted;
    }

    @CommandHandler
    String handle(GiveOpinionCommand command) {
        if (command.kpiId() != null) {
            KpiState state = kpis.state(command.kpiId()).orElseThrow(() ->
                    new PeriodRuleException(ProblemType.INVALID_FIELD, "kpiId",
                            "No KPI " + command.kpiId() + " is registered."));
            requireInPlan(state, command.periodId());
        }
        period(command.periodId()).execute(p -> p.giveOpinion(command.opinionId(), command.text(), command.kpiId(),
                command.goal()));
        return command.opinionId();
    }

    @CommandHandler
    List<KpiId> handle(PublishPeriodCommand command) {
        ReportingPeriodId periodId = command.periodId();
        Aggregate<ReportingPeriod> period = period(periodId);
        Map<KpiId, KpiState> plan = planStates(periodId);
        Set<Department> owners = new HashSet<>();
        plan.values().forEach(state -> {
            if (state.department() != null) {
                owners.add(state.department());
            }
        });
        List<KpiId> locked = List.copyOf(plan.keySet());
        period.execute(p -> p.publish(command.publicationId(), command.title(), locked, owners));
        for (KpiId kpiId : locked) {
            kpis.takeStep(kpiId, periodId.fiscalYear(), FigureStep.PUBLISHED, null, null, command.publicationId());
        }
        return locked;
    }

    @CommandHandler
    List<KpiId> handle(ReopenPeriodCommand command) {
        ReportingPeriodId periodId = command.periodId();
        List<KpiId> reopened = period(periodId).invoke(p -> p.reopen(command.reason(), command.decisionReference(),
                command.kpiIds()));
        for (KpiId kpiId : reopened.stream().sorted(Comparator.comparing(KpiId::value)).toList()) {
            kpis.takeStep(kpiId, periodId.fiscalYear(), FigureStep.REOPENED, command.reason(),
                    command.decisionReference(), null);
        }
        return reopened;
    }

    /**
     * Every KPI placed in the period's plan and measured in its year (not retired before), by id; not one whose figure
     * of the year its predecessor's KPI holds (a year two plans cover is reported once, under the predecessor's plan).
     */
    private Map<KpiId, KpiState> planStates(ReportingPeriodId periodId) {
        Map<KpiId, KpiState> plan = new LinkedHashMap<>(planKpis.placedIn(periodId.planId()));
        plan.values().removeIf(state -> !state.measuredIn(periodId.fiscalYear())
                || holders.predecessorHolding(state, periodId.fiscalYear()).isPresent());
        return plan;
    }

    private static void requireInPlan(KpiState state, ReportingPeriodId periodId) {
        if (state.placement() == null || !state.placement().planId().equals(periodId.planId())) {
            throw new PeriodRuleException(ProblemType.KPI_NOT_IN_PLAN, "kpiId", "KPI " + state.registered().kpiId()
                    + " is not placed in plan " + periodId.planId() + ".");
        }
    }

    private PlanTerms.Terms terms(ReportingPeriodId periodId) {
        return planTerms.of(periodId.planId()).orElseThrow(() -> new PeriodRuleException(
                ProblemType.STRATEGY_NOT_FOUND, "planId", "No plan " + periodId.planId() + " is defined."));
    }

    /** The period exists; checked on its stream without taking its lock, which bulks of figures do not need. */
    private void requireOpened(ReportingPeriodId periodId) {
        if (!opened(periodId)) {
            throw notFound(periodId);
        }
    }

    private boolean opened(ReportingPeriodId periodId) {
        return axon.eventStore().lastSequenceNumberFor(periodId.toString()).isPresent();
    }

    private static PeriodRuleException notFound(ReportingPeriodId periodId) {
        return new PeriodRuleException(ProblemType.PERIOD_NOT_FOUND, "fiscalYear", "No reporting period of "
                + periodId.fiscalYear() + " is open for plan " + periodId.planId() + ".");
    }

    /** The period, loaded (and locked) into this unit of work; asked of the store first, so that none is looked for. */
    private Aggregate<ReportingPeriod> period(ReportingPeriodId periodId) {
        requireOpened(periodId);
        return repository().load(periodId.toString());
    }

    private org.axonframework.modelling.command.Repository<ReportingPeriod> repository() {
        return axon.repository(ReportingPeriod.class);
    }
}
