package org.kpiledger.events.kpi;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Record a target revised by decision of the council, with the reason and the decision's reference. Emits
 * {@link TargetRevisedEvent}. {@code expectedVersion}, when given, must be the KPI's current version.
 */
public record ReviseTargetCommand(
        @TargetAggregateIdentifier KpiId kpiId,
        FiscalYear targetFiscalYear,
        BigDecimal targetValue,
        TargetComparator comparator,
        String reason,
        String decisionReference,
        Long expectedVersion) {
}
