package org.kpiledger.events.kpi;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Replace the actual figure recorded for a fiscal year, giving the reason. Emits {@link ActualCorrectedEvent}.
 * {@code expectedVersion}, when given, must be the KPI's current version.
 */
public record CorrectActualCommand(
        @TargetAggregateIdentifier KpiId kpiId,
        FiscalYear fiscalYear,
        BigDecimal correctedValue,
        String reason,
        Long expectedVersion) {
}
