package org.kpiledger.command.kpi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.config.Configuration;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.kpiledger.events.kpi.CorrectActualCommand;
import org.kpiledger.events.kpi.FigureStep;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;
import org.kpiledger.events.kpi.Quantity;
import org.kpiledger.events.kpi.RecordActualCommand;
import org.springframework.stereotype.Component;

/**
 * KPIs as a command handler that decides across several of them sees them: each loaded into the handler's own unit
 * of work (locked, appended to and committed with it, in its one transaction), each still deciding alone with the
 * same rules as a single command. Only for use inside a command handler.
 */
@Component
public class KpiStreams {

    /** What a figure written in bulk did to its KPI: recorded a new year, corrected one, or nothing. */
    public enum Outcome { RECORDED, CORRECTED, UNCHANGED }

    public record Written(Outcome outcome, long version, KpiState state) {
    }

    private final Configuration axon;
    private final Clock clock;
    private final SeriesHolders holders;

    KpiStreams(Configuration axon, Clock clock, SeriesHolders holders) {
        this.axon = axon;
        this.clock = clock;
        this.holders = holders;
    }

    /** The KPI as its stream says now, loaded into this unit of work; empty when no such KPI is registered. */
    public Optional<KpiState> state(KpiId kpiId) {
        return load(kpiId).map(kpi -> kpi.invoke(Kpi::state));
    }

    /**
     * Records the year's figure, or corrects it when the year has one (then {@code reason} is required); a figure
     * equal to the stored one changes nothing. Refusals are the KPI's own exceptions, as for a single write.
     */
    public Written write(KpiId kpiId, FiscalYear fiscalYear, BigDecimal value, String note, String evidenceReference,
            String reason, String writerDepartment, String writerRoles) {
        Aggregate<Kpi> kpi = required(kpiId);
        Optional<Quantity> stored = kpi.invoke(Kpi::state).actual(fiscalYear);
        if (stored.isPresent()) {
            // a sheet sent back whole repeats other departments' figures too: repeating one changes nothing
            if (stored.get().amount().compareTo(value) == 0) {
                return new Written(Outcome.UNCHANGED, kpi.invoke(Kpi::version), kpi.invoke(Kpi::state));
            }
            long version = kpi.invoke(k -> k.handle(new CorrectActualCommand(kpiId, fiscalYear, value,
                    reason == null ? null : reason.strip(), null), writerDepartment, writerRoles));
            return new Written(Outcome.CORRECTED, version, kpi.invoke(Kpi::state));
        }
        long version = kpi.invoke(k -> k.handle(new RecordActualCommand(kpiId, fiscalYear, value, note,
                evidenceReference, null), clock, holders, writerDepartment, writerRoles));
        return new Written(Outcome.RECORDED, version, kpi.invoke(Kpi::state));
    }

    public long declareLate(KpiId kpiId, FiscalYear fiscalYear, String reason, LocalDate expectedBy,
            String writerDepartment, String writerRoles) {
        return required(kpiId).invoke(kpi -> kpi.declareLate(fiscalYear, reason, expectedBy, writerDepartment,
                writerRoles, holders));
    }

    public long takeStep(KpiId kpiId, FiscalYear fiscalYear, FigureStep step, String comment,
            String decisionReference, String publicationId) {
        return required(kpiId).invoke(kpi -> kpi.takeStep(fiscalYear, step, comment, decisionReference,
                publicationId));
    }

    private Aggregate<Kpi> required(KpiId kpiId) {
        return load(kpiId).orElseThrow(() -> new AggregateNotFoundException(kpiId.value(),
                "No KPI " + kpiId + " is registered."));
    }

    private Optional<Aggregate<Kpi>> load(KpiId kpiId) {
        try {
            return Optional.of(axon.repository(Kpi.class).load(kpiId.value()));
        } catch (AggregateNotFoundException notFound) {
            return Optional.empty();
        }
    }
}
