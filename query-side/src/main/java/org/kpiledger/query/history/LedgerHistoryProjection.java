package org.kpiledger.query.history;

import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.serialization.UnknownSerializedType;
import org.kpiledger.events.integrity.HashChainSchemeChangedEvent;
import org.kpiledger.events.integrity.IntegrityBreakAcknowledgedEvent;
import org.kpiledger.events.integrity.IntegrityEvent;
import org.kpiledger.events.integrity.ReportPublishedEvent;
import org.kpiledger.events.kpi.ActualCorrectedEvent;
import org.kpiledger.events.kpi.ActualRecordedEvent;
import org.kpiledger.events.kpi.DepartmentAssignedEvent;
import org.kpiledger.events.kpi.FigureDeclaredLateEvent;
import org.kpiledger.events.kpi.FigureStepTakenEvent;
import org.kpiledger.events.kpi.KpiEvent;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiPlacedEvent;
import org.kpiledger.events.kpi.KpiPlacement;
import org.kpiledger.events.kpi.KpiRegisteredEvent;
import org.kpiledger.events.kpi.KpiRetiredEvent;
import org.kpiledger.events.kpi.Target;
import org.kpiledger.events.kpi.TargetRevisedEvent;
import org.kpiledger.events.period.DepartmentReviewedEvent;
import org.kpiledger.events.period.DepartmentSubmittedEvent;
import org.kpiledger.events.period.OpinionGivenEvent;
import org.kpiledger.events.period.PeriodEvent;
import org.kpiledger.events.period.PeriodPublishedEvent;
import org.kpiledger.events.period.PeriodReopenedEvent;
import org.kpiledger.events.period.ReportingPeriodOpenedEvent;
import org.kpiledger.events.scoring.ScoringPolicyDefinedEvent;
import org.kpiledger.events.scoring.ScoringPolicyEvent;
import org.kpiledger.events.strategy.GoalDefinedEvent;
import org.kpiledger.events.strategy.MeasureDefinedEvent;
import org.kpiledger.events.strategy.PlanPeriodRevisedEvent;
import org.kpiledger.events.strategy.PolicyDefinedEvent;
import org.kpiledger.events.strategy.ScoringPolicyAdoptedEvent;
import org.kpiledger.events.strategy.StrategyDefinedEvent;
import org.kpiledger.events.strategy.StrategyEvent;
import org.kpiledger.events.strategy.StrategyPartRetiredEvent;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.events.UnreadableEventException;
import org.kpiledger.query.NotifiedEventSource;
import org.kpiledger.platform.tenancy.TenantRebuild;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes every event of the ledger once into {@code ledger_change}, flat: what changed, from what to what, who
 * changed it (from the event's metadata), when and why. The change history of a KPI and the audit feed read it.
 */
@Component
@ProcessingGroup(LedgerHistoryProjection.PROCESSING_GROUP)
class LedgerHistoryProjection {

    static final String PROCESSING_GROUP = "ledger-history";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    LedgerHistoryProjection(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(KpiEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        insert(event.kpiId().value(), "KPI", event, message, sequenceNumber, change(event));
    }

    private static Change change(KpiEvent event) {
        return event.match(new KpiEvent.Cases<>() {
            @Override
            public Change registered(KpiRegisteredEvent registered) {
                return new Change(null, null, target(registered.target())).with("name", registered.name());
            }

            @Override
            public Change actualRecorded(ActualRecordedEvent recorded) {
                return new Change(recorded.fiscalYear().year(), null, recorded.value().amount())
                        .note(recorded.note()).evidence(recorded.evidenceReference());
            }

            @Override
            public Change actualCorrected(ActualCorrectedEvent corrected) {
                return new Change(corrected.fiscalYear().year(), corrected.previousValue().amount(),
                        corrected.correctedValue().amount()).reason(corrected.reason());
            }

            @Override
            public Change targetRevised(TargetRevisedEvent revised) {
                return new Change(revised.revisedTarget().fiscalYear().year(), target(revised.previousTarget()),
                        target(revised.revisedTarget())).reason(revised.reason())
                        .decision(revised.decisionReference());
            }

            @Override
            public Change placed(KpiPlacedEvent placed) {
                return new Change(null, placement(placed.previous()), placement(placed.placement()));
            }

            @Override
            public Change departmentAssigned(DepartmentAssignedEvent assigned) {
                return new Change(null, assigned.previous() == null ? null : assigned.previous().code(),
                        assigned.department().code());
            }

            @Override
            public Change figureStepTaken(FigureStepTakenEvent step) {
                Map<String, Object> stated = new LinkedHashMap<>();
                stated.put("step", step.step().name());
                stated.put("status", step.step().status().name());
                stated.put("value", step.value() == null ? null : step.value().amount());
                if (step.publicationId() != null) {
                    stated.put("publicationId", step.publicationId());
                }
                return new Change(step.fiscalYear().year(), null, stated).reason(step.comment())
                        .decision(step.decisionReference());
            }

            @Override
            public Change figureDeclaredLate(FigureDeclaredLateEvent declaration) {
                Map<String, Object> stated = new LinkedHashMap<>();
                stated.put("expectedBy", declaration.expectedBy().toString());
                return new Change(declaration.fiscalYear().year(), null, stated).reason(declaration.reason());
            }

            @Override
            public Change retired(KpiRetiredEvent retired) {
                return new Change(retired.lastFiscalYear().year(), null, Map.of("retired", true))
                        .reason(retired.reason()).decision(retired.decisionReference());
            }
        });
    }


    @EventHandler
    void on(StrategyEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Map<String, Object> stated = new LinkedHashMap<>();
        Integer fiscalYear = null;
        Object from = null;
        String reason = null;
        String decision = null;
        if (event instanceof StrategyDefinedEvent defined) {
            stated.put("title", defined.title());
            stated.put("firstYear", defined.firstYear().year());
            stated.put("lastYear", defined.lastYear().year());
            if (defined.predecessor() != null) {
                stated.put("predecessor", defined.predecessor().value());
            }
        } else if (event instanceof PlanPeriodRevisedEvent revised) {
            from = Map.of("lastYear", revised.previousLastYear().year());
            stated.put("lastYear", revised.lastYear().year());
            reason = revised.reason();
            decision = revised.decisionReference();
        } else if (event instanceof StrategyPartRetiredEvent retired) {
            stated.put("part", retired.part().name());
            stated.put("code", retired.code());
            stated.put("retired", true);
            reason = retired.reason();
            decision = retired.decisionReference();
        } else if (event instanceof GoalDefinedEvent goal) {
            stated.put("number", goal.number());
            stated.put("title", goal.title());
        } else if (event instanceof PolicyDefinedEvent policy) {
            stated.put("code", policy.code());
            stated.put("goalNumber", policy.goalNumber());
            stated.put("title", policy.title());
        } else if (event instanceof MeasureDefinedEvent measure) {
            stated.put("policyCode", measure.policyCode());
            stated.put("number", measure.number());
            stated.put("title", measure.title());
        } else if (event instanceof ScoringPolicyAdoptedEvent adopted) {
            stated.put("policyId", adopted.policyId());
            stated.put("version", adopted.policyVersion());
            stated.put("effectiveFrom", adopted.effectiveFrom().year());
            fiscalYear = adopted.effectiveFrom().year();
        }
        insert(event.planId().value(), "STRATEGY", event, message, sequenceNumber,
                new Change(fiscalYear, from, stated).reason(reason).decision(decision));
    }

    /** The reporting cycle's steps on a period (subject kind PERIOD, the subject {@code planId/year}). */
    @EventHandler
    void on(PeriodEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Map<String, Object> stated = new LinkedHashMap<>();
        String reason = null;
        String decision = null;
        if (event instanceof ReportingPeriodOpenedEvent opened) {
            stated.put("dueDate", opened.dueDate().toString());
        } else if (event instanceof DepartmentSubmittedEvent submitted) {
            stated.put("department", submitted.department().code());
            stated.put("kpiIds", submitted.kpiIds().stream().map(KpiId::value).toList());
        } else if (event instanceof DepartmentReviewedEvent reviewed) {
            stated.put("department", reviewed.department().code());
            stated.put("decision", reviewed.decision().name());
            reason = reviewed.comment();
        } else if (event instanceof OpinionGivenEvent opinion) {
            stated.put("opinionId", opinion.opinionId());
            stated.put("text", opinion.text());
            stated.put("kpiId", opinion.kpiId() == null ? null : opinion.kpiId().value());
            stated.put("goal", opinion.goal());
        } else if (event instanceof PeriodPublishedEvent published) {
            stated.put("publicationId", published.publicationId());
            stated.put("title", published.title());
            stated.put("kpis", published.kpiIds().size());
        } else if (event instanceof PeriodReopenedEvent reopened) {
            stated.put("kpiIds", reopened.kpiIds().stream().map(KpiId::value).toList());
            reason = reopened.reason();
            decision = reopened.decisionReference();
        }
        insert(event.periodId().toString(), "PERIOD", event, message, sequenceNumber,
                new Change(event.periodId().fiscalYear().year(), null, stated).reason(reason).decision(decision));
    }

    /** A scoring policy a city defined (subject kind POLICY, the subject {@code id@version}): the definition. */
    @EventHandler
    void on(ScoringPolicyDefinedEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Map<String, Object> stated = new LinkedHashMap<>();
        stated.put("policyId", event.policyId());
        stated.put("version", event.version());
        stated.put("definition", json.readTree(event.definition()));
        insert(ScoringPolicyEvent.streamOf(event.policyId(), event.version()), "POLICY", event, message,
                sequenceNumber, new Change(null, null, stated));
    }

    /** The ledger's own events: acknowledged breaks of its history, published reports (subject kind LEDGER). */
    @EventHandler
    void on(IntegrityEvent event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Map<String, Object> stated = new LinkedHashMap<>();
        if (event instanceof IntegrityBreakAcknowledgedEvent acknowledged) {
            stated.put("position", acknowledged.position());
            if (acknowledged.kind() != null) {
                stated.put("kind", acknowledged.kind());
                stated.put("evidence", acknowledged.evidence());
            }
            stated.put("mismatch", acknowledged.mismatch());
            insert(IntegrityEvent.LEDGER, "LEDGER", event, message, sequenceNumber,
                    new Change(null, null, stated).reason(acknowledged.reason()));
        } else if (event instanceof ReportPublishedEvent published) {
            stated.put("title", published.title());
            stated.put("asOf", published.asOf().toString());
            stated.put("position", published.position());
            stated.put("checkpointSize", published.checkpointSize());
            stated.put("viewHash", published.viewHash());
            insert(published.publicationId(), "LEDGER", event, message, sequenceNumber, new Change(null, null, stated));
        } else if (event instanceof HashChainSchemeChangedEvent changed) {
            stated.put("previousScheme", changed.previousScheme());
            stated.put("scheme", changed.scheme());
            stated.put("previousEntries", changed.previousEntries());
            stated.put("previousHead", changed.previousHead());
            insert(IntegrityEvent.LEDGER, "LEDGER", event, message, sequenceNumber, new Change(null, null, stated));
        } else {
            throw new IllegalStateException("The history has no description of " + event.getClass().getSimpleName());
        }
    }

    /** An event this release cannot read is parked in the dead-letter queue, its stream's later events behind it. */
    @EventHandler
    void on(UnknownSerializedType unreadable) {
        throw new UnreadableEventException(unreadable);
    }

    @ResetHandler
    void reset() {
        jdbc.update("truncate table ledger_change");
    }

    /** A rebuild of one tenant: its rows only, which the replay builds again; the other tenants' stay. */
    @ResetHandler
    void reset(TenantRebuild rebuild) {
        rebuild.deleteRows(jdbc, "ledger_change");
    }

    private void insert(String subject, String subjectKind, Object event, EventMessage<?> message, long version,
            Change change) {
        var metaData = message.getMetaData();
        jdbc.update("""
                insert into ledger_change (position, subject, subject_kind, version, type, recorded_at, actor,
                    actor_department, actor_roles, auth_method, correlation_id, fiscal_year, from_value, to_value,
                    reason, decision_reference, evidence_reference, note)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)
                on conflict (tenant_id, position) do nothing""",
                NotifiedEventSource.positionOf(message), subject, subjectKind, version, ChangeTypes.nameOf(event),
                message.getTimestamp().atOffset(ZoneOffset.UTC), metaData.get(AxonPlatformConfiguration.ACTOR),
                metaData.get(AxonPlatformConfiguration.ACTOR_DEPARTMENT),
                metaData.get(AxonPlatformConfiguration.ACTOR_ROLES),
                metaData.get(AxonPlatformConfiguration.AUTH_METHOD),
                metaData.get(AxonPlatformConfiguration.CORRELATION_ID), change.fiscalYear,
                jsonOrNull(change.from), jsonOrNull(change.to), change.reason, change.decision, change.evidence,
                change.note);
    }

    private String jsonOrNull(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private static Map<String, Object> target(Target target) {
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("fiscalYear", target.fiscalYear().year());
        figure.put("value", target.value().amount());
        figure.put("comparator", target.comparator().name());
        return figure;
    }

    private static Map<String, Object> placement(KpiPlacement placement) {
        if (placement == null) {
            return null;
        }
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("planId", placement.planId().value());
        where.put("policyCode", placement.policyCode());
        where.put("measureNumber", placement.measureNumber());
        return where;
    }

    /** What one event changed, flat. */
    private static final class Change {

        private final Integer fiscalYear;
        private final Object from;
        private Object to;
        private String reason;
        private String decision;
        private String evidence;
        private String note;

        Change(Integer fiscalYear, Object from, Object to) {
            this.fiscalYear = fiscalYear;
            this.from = from;
            this.to = to;
        }

        Change with(String name, Object value) {
            @SuppressWarnings("unchecked")
            Map<String, Object> stated = new LinkedHashMap<>((Map<String, Object>) to);
            stated.put(name, value);
            to = stated;
            return this;
        }

        Change reason(String reason) {
            this.reason = reason;
            return this;
        }

        Change decision(String decision) {
            this.decision = decision;
            return this;
        }

        Change evidence(String evidence) {
            this.evidence = evidence;
            return this;
        }

        Change note(String note) {
            this.note = note;
            return this;
        }
    }
}
