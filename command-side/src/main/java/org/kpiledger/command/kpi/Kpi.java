package org.kpiledger.command.kpi;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.AssignDepartmentCommand;
import org.kpiledger.events.kpi.Baseline;
import org.kpiledger.events.kpi.CorrectActualCommand;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.FigureDeclaredLateEvent;
import org.kpiledger.events.kpi.FigureStatus;
import org.kpiledger.events.kpi.FigureStep;
import org.kpiledger.events.kpi.FigureStepTakenEvent;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.KpiRetiredEvent;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.kpi.PlaceKpiCommand;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.kpiledger.events.kpi.RegisterKpiCommand;
import org.kpiledger.events.kpi.RetireKpiCommand;
import org.kpiledger.events.kpi.ReviseTargetCommand;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.events.kpi.ValueKind;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.events.UnreadableEventException;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.tenancy.TenantStreamLocks;

/**
 * One KPI of the strategy and the rules its history must keep. Command handlers check and apply events; only
 * the event-sourcing handlers change state, so replaying the stream rebuilds exactly this object. Handlers
 * return the KPI's version after the change: the sequence number of its last event.
 */
@Aggregate(type = StreamTypes.KPI, cache = "aggregateCache", lockFactory = TenantStreamLocks.BEAN)
class Kpi {

    @AggregateIdentifier
    private KpiId kpiId;
    private KpiState state = KpiState.NONE;
    private long version;

    protected Kpi() {
    }

    @CommandHandler
    Kpi(RegisterKpiCommand command, Clock clock) {
        ValueKind kind = command.valueKind() != null ? command.valueKind() : ValueKind.forUnit(command.unit());
        requireInUnit(command.baseline().value(), command.unit(), "baseline.value");
        requireInUnit(command.target().value(), command.unit(), "target.value");
        if (command.baseline().isMeasured()) {
            requireOfKind(kind, command.baseline().value().amount(), "baseline.value");
            requireStarted(command.baseline().fiscalYear(), clock, "baseline.fiscalYear");
        }
        requireOfKind(kind, command.target().value().amount(), "target.value");
        requireTargetAfterBaseline(command.target().fiscalYear(), command.baseline(), "target.fiscalYear");
        apply(new KpiRegisteredEvent(command.kpiId(), command.name(), command.unit(), command.accumulation(),
                command.direction(), command.baseline(), command.target(), kind, command.code(), command.lineage()));
    }

    @CommandHandler
    long handle(RecordActualCommand command, Clock clock, SeriesHolders holders,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_DEPARTMENT) String writerDepartment,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_ROLES) String writerRoles) {
        requireOwnDepartment(writerDepartment, writerRoles);
        requireVersion(command.expectedVersion());
        FiscalYear fiscalYear = command.fiscalYear();
        requireOpen(fiscalYear);
        requireMeasured(fiscalYear);
        requireOwnYear(fiscalYear, holders);
        requireOfKind(valueKind(), command.value(), "value");
        if (state.actual(fiscalYear).isPresent()) {
            throw new ActualAlreadyRecordedException(kpiId, fiscalYear);
        }
        Baseline baseline = state.registered().baseline();
        if (fiscalYear.isBefore(baseline.fiscalYear())) {
            throw new FiscalYearBeforeBaselineException(kpiId, fiscalYear, baseline.fiscalYear());
        }
        requireStarted(fiscalYear, clock, "fiscalYear");
        apply(new ActualRecordedEvent(kpiId, fiscalYear, new Quantity(command.value(), unit()), command.note(),
                command.evidenceReference()));
        return version;
    }

    @CommandHandler
    long handle(CorrectActualCommand command,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_DEPARTMENT) String writerDepartment,
            @MetaDataValue(AxonPlatformConfiguration.ACTOR_ROLES) String writerRoles) {
        requireOwnDepartment(writerDepartment, writerRoles);
        requireVersion(command.expectedVersion());
        requireOpen(command.fiscalYear());
        requireText(command.reason(), "reason");
        requireOfKind(valueKind(), command.correctedValue(), "value");
        Quantity previous = state.actual(command.fiscalYear())
                .orElseThrow(() -> new ActualNotRecordedException(kpiId, command.fiscalYear()));
        Quantity corrected = new Quantity(command.correctedValue(), unit());
        if (corrected.hasSameAmountAs(previous)) {
            throw new NothingChangedException("value",
                    "The actual for " + command.fiscalYear() + " is already " + previous.amount() + ".");
        }
        apply(new ActualCorrectedEvent(kpiId, command.fiscalYear(), previous, corrected, command.reason()));
        return version;
    }

    @CommandHandler
    long handle(ReviseTargetCommand command) {
        requireVersion(command.expectedVersion());
        requireText(command.reason(), "reason");
        requireText(command.decisionReference(), "decisionReference");
        requireOfKind(valueKind(), command.targetValue(), "value");
        requireTargetAfterBaseline(command.targetFiscalYear(), state.registered().baseline(), "fiscalYear");
        Target target = state.target();
        Target revised = new Target(command.targetFiscalYear(), new Quantity(command.targetValue(), unit()),
                command.comparator());
        if (revised.equals(target)) {
            throw new NothingChangedException("value", "The target is already " + target.comparator() + " "
                    + target.value().amount() + " by " + target.fiscalYear() + ".");
        }
        apply(new TargetRevisedEvent(kpiId, target, revised, command.reason(), command.decisionReference()));
        return version;
    }

    @CommandHandler
    long handle(PlaceKpiCommand command) {
        requireVersion(command.expectedVersion());
        KpiPlacement placement = state.placement();
        if (placement != null && !placement.planId().equals(command.placement().planId())) {
            throw new KpiInAnotherPlanException(kpiId, placement.planId(), command.placement().planId());
        }
        if (command.placement().equals(placement)) {
            throw new NothingChangedException("placement", "KPI " + kpiId + " is already placed under measure "
                    + placement.measureNumber() + " of policy " + placement.policyCode() + ".");
        }
        apply(new KpiPlacedEvent(kpiId, placement, command.placement()));
        return version;
    }

    /**
     * Retires the KPI after a fiscal year: by decision (reason and reference required), or, with no reference,
     * because a successor plan continued nothing of it. Its figures stay; none of a later year may be recorded.
     */
    @CommandHandler
    long handle(RetireKpiCommand command) {
        requireText(command.reason(), "reason");
        if (state.retirement() != null) {
            throw new NothingChangedException("lastFiscalYear", "KPI " + kpiId + " was retired after "
                    + state.retirement().lastFiscalYear() + " already.");
        }
        if (command.lastFiscalYear() == null) {
            throw new InvalidKpiCommandException("lastFiscalYear", "The last fiscal year measured is required.");
        }
        FiscalYear later = state.actuals().keySet().stream().filter(year -> year.isAfter(command.lastFiscalYear()))
                .findFirst().orElse(null);
        if (later != null) {
            throw new KpiRetiredException("lastFiscalYear", "KPI " + kpiId + " has an actual for " + later
                    + "; it cannot be retired after " + command.lastFiscalYear() + ".");
        }
        apply(new KpiRetiredEvent(kpiId, command.lastFiscalYear(), command.reason().strip(),
                command.decisionReference() == null ? null : command.decisionReference().strip()));
        return version;
    }

    @CommandHandler
    long handle(AssignDepartmentCommand command) {
        requireVersion(command.expectedVersion());
        Department department = state.department();
        if (command.department().equals(department)) {
            throw new NothingChangedException("department",
                    "KPI " + kpiId + " is already owned by " + department + ".");
        }
        apply(new DepartmentAssignedEvent(kpiId, department, command.department()));
        return version;
    }

    /**
     * Declares that the year's figure comes later (statistics published late): the department's submission counts
     * it as complete until the figure is recorded.
     */
    long declareLate(FiscalYear fiscalYear, String reason, LocalDate expectedBy, String writerDepartment,
            String writerRoles, SeriesHolders holders) {
        requireOwnDepartment(writerDepartment, writerRoles);
        requireOpen(fiscalYear);
        requireOwnYear(fiscalYear, holders);
        requireText(reason, "reason");
        if (state.actual(fiscalYear).isPresent()) {
            throw new ActualAlreadyRecordedException(kpiId, fiscalYear);
        }
        if (expectedBy == null) {
            throw new InvalidKpiCommandException("expectedBy", "The date the figure is expected is required.");
        }
        apply(new FigureDeclaredLateEvent(kpiId, fiscalYear, reason.strip(), expectedBy));
        return version;
    }

    /**
     * Takes a step of the reporting cycle on the year's figure, if its status allows it: a submission needs a figure
     * or a declaration that it comes later and an open figure; a return or an approval a submitted one; a reopening a
     * published one. A publication locks every KPI of the plan, with or without a figure, but not one under review.
     */
    long takeStep(FiscalYear fiscalYear, FigureStep step, String comment, String decisionReference,
            String publicationId) {
        FigureStatus status = state.figureInCycle(fiscalYear).status();
        Quantity value = state.actual(fiscalYear).orElse(null);
        switch (step) {
            case SUBMITTED -> {
                requireOpen(fiscalYear);
                if (value == null && state.figureInCycle(fiscalYear).late() == null) {
                    throw new FigureStepRefusedException(ProblemType.SUBMISSION_INCOMPLETE, "kpiIds",
                            "KPI " + kpiId + " has no figure for " + fiscalYear + " and none is declared late.");
                }
            }
            case RETURNED, APPROVED -> requireStatus(fiscalYear, status, FigureStatus.SUBMITTED);
            case PUBLISHED -> {
                if (status == FigureStatus.SUBMITTED) {
                    throw new FigureNotOpenException(kpiId, fiscalYear, status);
                }
            }
            case REOPENED -> requireStatus(fiscalYear, status, FigureStatus.PUBLISHED);
        }
        apply(new FigureStepTakenEvent(kpiId, fiscalYear, step, value, comment, decisionReference, publicationId));
        return version;
    }

    /** Where the KPI stands, for the steps of a reporting period that decide across KPIs. */
    KpiState state() {
        return state;
    }

    long version() {
        return version;
    }

    /** A stored event this release cannot read: no write is decided on a history read in part. */
    @EventSourcingHandler
    void on(UnknownSerializedType unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    /** Every event of the KPI goes through the one fold of {@link KpiState}. */
    @EventSourcingHandler
    void on(KpiEvent event, @SequenceNumber long sequenceNumber) {
        kpiId = event.kpiId();
        state = state.evolve(event);
        version = sequenceNumber;
    }

    /** What a writer needs to see before changing this KPI's figures, as of this version. */
    KpiFigures figures() {
        Map<Integer, BigDecimal> byYear = new TreeMap<>();
        state.actuals().forEach((fiscalYear, quantity) -> byYear.put(fiscalYear.year(), quantity.amount()));
        KpiRegisteredEvent registered = state.registered();
        Map<Integer, FigureStatus> statuses = new TreeMap<>();
        state.cycle().forEach((fiscalYear, figure) -> statuses.put(fiscalYear.year(), figure.status()));
        return new KpiFigures(kpiId, registered.name(), registered.unit(), registered.valueKind(),
                registered.baseline().fiscalYear().year(),
                state.department() == null ? null : state.department().code(), byYear, version,
                state.placement() == null ? null : state.placement().planId().value(), statuses);
    }

    private String unit() {
        return state.registered().unit();
    }

    private ValueKind valueKind() {
        return state.registered().valueKind();
    }

    /**
     * Figures are written by the staff of the department that owns the KPI, checked here, against the owner as of
     * this very version, so that a reassignment and a write cannot race past each other. Administrators and the
     * planning division (which sends figures in bulk for departments) may write for any department.
     */
    void requireOwnDepartment(String writerDepartment, String writerRoles) {
        Set<LedgerRole> roles = LedgerRole.split(writerRoles);
        if (roles.contains(LedgerRole.ADMIN) || roles.contains(LedgerRole.PLANNER)) {
            return;
        }
        Department department = state.department();
        if (department == null) {
            throw DepartmentRuleException.unowned(kpiId);
        }
        if (!department.code().equals(writerDepartment)) {
            throw DepartmentRuleException.otherDepartment(kpiId, department, writerDepartment);
        }
    }

    private void requireOpen(FiscalYear fiscalYear) {
        FigureStatus status = state.figureInCycle(fiscalYear).status();
        if (!status.isOpen()) {
            throw new FigureNotOpenException(kpiId, fiscalYear, status);
        }
    }

    /** A year two plans cover is the predecessor's to record: entered once, shown under both plans. */
    void requireOwnYear(FiscalYear fiscalYear, SeriesHolders holders) {
        var holder = holders.predecessorHolding(state, fiscalYear);
        if (holder.isPresent()) {
            throw new FigureInLineageException(kpiId, fiscalYear, holder.get());
        }
    }

    private void requireMeasured(FiscalYear fiscalYear) {
        if (!state.measuredIn(fiscalYear)) {
            throw KpiRetiredException.figureAfter(kpiId, fiscalYear, state.retirement().lastFiscalYear());
        }
    }

    private void requireStatus(FiscalYear fiscalYear, FigureStatus status, FigureStatus required) {
        if (status != required) {
            throw new FigureStepRefusedException(ProblemType.PERIOD_STEP_REFUSED, "kpiIds", "The " + fiscalYear
                    + " figure of KPI " + kpiId + " is " + status.name().toLowerCase() + ", not "
                    + required.name().toLowerCase() + ".");
        }
    }

    private void requireVersion(Long expectedVersion) {
        if (expectedVersion != null && expectedVersion != version) {
            throw new StaleVersionException(kpiId, expectedVersion, version);
        }
    }

    private static void requireOfKind(ValueKind kind, BigDecimal value, String field) {
        String violation = kind.violation(value);
        if (violation != null) {
            throw new InvalidKpiCommandException(field, violation + ".");
        }
    }

    private static void requireStarted(FiscalYear fiscalYear, Clock clock, String field) {
        if (fiscalYear.firstDay().isAfter(LocalDate.now(clock))) {
            throw new FiscalYearNotStartedException(fiscalYear, field);
        }
    }

    private static void requireInUnit(Quantity quantity, String unit, String field) {
        if (quantity != null && !quantity.unit().equals(unit)) {
            throw new InvalidKpiCommandException(field,
                    "is in " + quantity.unit() + " but the KPI is measured in " + unit + ".");
        }
    }

    private static void requireTargetAfterBaseline(FiscalYear targetYear, Baseline baseline, String field) {
        if (!targetYear.isAfter(baseline.fiscalYear())) {
            throw new InvalidKpiCommandException(field,
                    "The target year " + targetYear + " must come after the baseline year " + baseline.fiscalYear()
                            + ".");
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new InvalidKpiCommandException(field, "A " + field + " is required.");
        }
    }
}
