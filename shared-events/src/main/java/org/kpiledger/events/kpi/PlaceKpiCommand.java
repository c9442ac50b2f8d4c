package org.kpiledger.events.kpi;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a KPI under a measure of a strategy, or move it. Emits {@link KpiPlacedEvent} when the placement changes.
 * {@code expectedVersion}, when given, must be the KPI's current version.
 */
public record PlaceKpiCommand(@TargetAggregateIdentifier KpiId kpiId, KpiPlacement placement, Long expectedVersion) {
}
