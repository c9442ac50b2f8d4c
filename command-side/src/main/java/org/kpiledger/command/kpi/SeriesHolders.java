package org.kpiledger.command.kpi;

import java.util.Optional;
import org.kpiledger.events.kpi.FiscalYear;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.KpiState;

/**
 * Which KPI of a series holds a fiscal year's figure when two plans both cover the year (an overlap): a KPI that
 * continues one of the predecessor plan without redefining it leaves the years that plan still covers to its
 * predecessor, so that the figure is entered once and shown under both plans.
 */
@FunctionalInterface
public interface SeriesHolders {

    /** The predecessor KPI that holds this KPI's figure of the year, if the year is one of an overlap. */
    Optional<KpiId> predecessorHolding(KpiState kpi, FiscalYear fiscalYear);
}
