package org.kpiledger.events.kpi;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Submit the actual figure of a KPI for a fiscal year, in the KPI's unit. Emits {@link ActualRecordedEvent}.
 * {@code expectedVersion}, when given, must be the KPI's current version.
 */
public record RecordActualCommand(
        @TargetAggregateIdentifier KpiId kpiId,
        FiscalYear fiscalYear,
        BigDecimal value,
        String note,
        String evidenceReference,
        Long expectedVersion) {
}
