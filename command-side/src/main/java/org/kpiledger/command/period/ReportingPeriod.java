package org.kpiledger.command.period;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.spring.stereotype.Aggregate;
import org.kpiledger.events.StreamTypes;
import org.kpiledger.events.kpi.Department;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.period.DepartmentReviewedEvent;
import org.kpiledger.events.period.DepartmentSubmittedEvent;
import org.kpiledger.events.period.OpinionGivenEvent;
import org.kpiledger.events.period.PeriodPublishedEvent;
import org.kpiledger.events.period.PeriodReopenedEvent;
import org.kpiledger.events.period.ReportingPeriodId;
import org.kpiledger.events.period.ReportingPeriodOpenedEvent;
import org.kpiledger.events.period.ReviewDecision;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.events.UnreadableEventException;
import org.kpiledger.platform.web.ProblemType;
import org.kpiledger.platform.tenancy.TenantStreamLocks;

/**
 * The reporting period of a plan for one fiscal year and the rules of its cycle: a department submits once until
 * it is returned, its reviewer is never its submitter, the year is published only when every department that owns
 * KPIs of the plan is approved, and only a published year is reopened, with a reason and a decision. The KPIs
 * themselves decide whether their figures may change; {@link ReportingCycle} takes each step on the period and on
 * its KPIs in one unit of work.
 */
@Aggregate(type = StreamTypes.REPORTING_PERIOD, cache = "aggregateCache", lockFactory = TenantStreamLocks.BEAN)
class ReportingPeriod {

    /** A department's last submission and where its review stands. */
    record Submission(String submittedBy, List<KpiId> kpiIds, ReviewDecision decision) {
    }

    @AggregateIdentifier
    private String id;
    private ReportingPeriodId periodId;
    private PeriodState state;
    private final Map<Department, Submission> submissions = new HashMap<>();
    private List<KpiId> published = List.of();

    protected ReportingPeriod() {
    }

    ReportingPeriod(ReportingPeriodId periodId, LocalDate dueDate) {
        apply(new ReportingPeriodOpenedEvent(periodId, dueDate));
    }

    void submit(Department department, List<KpiId> kpiIds) {
        requireNotPublished("submission");
        Submission last = submissions.get(department);
        if (last != null && last.decision() != ReviewDecision.RETURN) {
            throw new PeriodRuleException(ProblemType.SUBMISSION_UNDER_REVIEW, "department", "The figures of "
                    + department + " for " + periodId.fiscalYear() + " are already "
                    + (last.decision() == null ? "submitted" : "approved") + ".");
        }
        apply(new DepartmentSubmittedEvent(periodId, department, kpiIds));
    }

    /** Records the review of a department's submission; the KPIs that submission covered. */
    List<KpiId> review(Department department, ReviewDecision decision, String comment, String reviewer) {
        Submission submission = submissions.get(department);
        if (submission == null || submission.decision() != null) {
            throw new PeriodRuleException(ProblemType.PERIOD_STEP_REFUSED, "department", department
                    + " has no submission for " + periodId.fiscalYear() + " waiting for review.");
        }
        if (submission.submittedBy() != null && submission.submittedBy().equals(reviewer)) {
            throw new PeriodRuleException(ProblemType.SAME_PERSON, null, "You submitted these figures; another "
                    + "member of the planning division reviews them.");
        }
        if (decision == ReviewDecision.RETURN && (comment == null || comment.isBlank())) {
            throw new PeriodRuleException(ProblemType.INVALID_FIELD, "comment",
                    "A return says what the department should check: a comment is required.");
        }
        apply(new DepartmentReviewedEvent(periodId, department, decision,
                comment == null || comment.isBlank() ? null : comment.strip()));
        return submission.kpiIds();
    }

    void giveOpinion(String opinionId, String text, KpiId kpiId, Integer goal) {
        apply(new OpinionGivenEvent(periodId, opinionId, text, kpiId, goal));
    }

    /** Publishes the year; every department owning KPIs of the plan must have been approved. */
    void publish(String publicationId, String title, List<KpiId> kpiIds, Set<Department> owners) {
        Set<String> notApproved = new TreeSet<>();
        for (Department owner : owners) {
            Submission submission = submissions.get(owner);
            if (submission == null || submission.decision() != ReviewDecision.APPROVE) {
                notApproved.add(owner.code());
            }
        }
        if (!notApproved.isEmpty()) {
            throw new PeriodRuleException(ProblemType.PERIOD_STEP_REFUSED, "departments",
                    "Not every department is approved yet: " + String.join(", ", notApproved) + ".");
        }
        apply(new PeriodPublishedEvent(periodId, publicationId, title, kpiIds));
    }

    /** Reopens published KPIs (all of the last publication when none are named); the KPIs reopened. */
    List<KpiId> reopen(String reason, String decisionReference, List<KpiId> kpiIds) {
        if (state == PeriodState.OPEN) {
            throw new PeriodRuleException(ProblemType.PERIOD_STEP_REFUSED, null,
                    "The " + periodId.fiscalYear() + " period is not published: nothing is locked to reopen.");
        }
        List<KpiId> reopened = kpiIds.isEmpty() ? published : kpiIds;
        for (KpiId kpiId : reopened) {
            if (!published.contains(kpiId)) {
                throw new PeriodRuleException(ProblemType.KPI_NOT_IN_PLAN, "kpiIds",
                        "KPI " + kpiId + " was not published in the " + periodId.fiscalYear() + " report.");
            }
        }
        apply(new PeriodReopenedEvent(periodId, reason, decisionReference, reopened));
        return reopened;
    }

    ReportingPeriodId periodId() {
        return periodId;
    }

    private void requireNotPublished(String step) {
        if (state == PeriodState.PUBLISHED) {
            throw new PeriodRuleException(ProblemType.PERIOD_LOCKED, null, "The " + periodId.fiscalYear()
                    + " report is published; a " + step + " needs a reopening first.");
        }
    }

    @EventSourcingHandler
    void on(UnknownSerializedType unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    @EventSourcingHandler
    void on(ReportingPeriodOpenedEvent event) {
        id = event.periodId().toString();
        periodId = event.periodId();
        state = PeriodState.OPEN;
    }

    @EventSourcingHandler
    void on(DepartmentSubmittedEvent event, @MetaDataValue(AxonPlatformConfiguration.ACTOR) String actor) {
        submissions.put(event.department(), new Submission(actor, event.kpiIds(), null));
    }

    @EventSourcingHandler
    void on(DepartmentReviewedEvent event) {
        submissions.computeIfPresent(event.department(),
                (department, submission) -> new Submission(submission.submittedBy(), submission.kpiIds(),
                        event.decision()));
    }

    @EventSourcingHandler
    void on(PeriodPublishedEvent event) {
        state = PeriodState.PUBLISHED;
        published = event.kpiIds();
    }

    @EventSourcingHandler
    void on(PeriodReopenedEvent event) {
        state = PeriodState.REOPENED;
    }
}
