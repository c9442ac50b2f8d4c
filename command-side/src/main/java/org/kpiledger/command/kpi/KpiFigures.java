package org.kpiledger.command.kpi;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.kpiledger.events.kpi.FigureStatus;
import org.kpiledger.events.kpi.KpiId;
import org.kpiledger.events.kpi.ValueKind;

/**
 * A KPI's figures as the ledger holds them at {@code version}: what the entry form shows and the version it
 * carries, read from the KPI itself, so a form is never built on a read model that lags behind.
 *
 * @param actuals the actual of each fiscal year recorded, by year, in year order
 * @param planId the plan the KPI is placed in, null when none
 * @param statuses each year's status in the reporting cycle, for the years it touched
 */
public record KpiFigures(KpiId kpiId, String name, String unit, ValueKind valueKind, int baselineYear,
                         String department, Map<Integer, BigDecimal> actuals, long version, String planId,
                         Map<Integer, FigureStatus> statuses) {

    public KpiFigures {
        actuals = Collections.unmodifiableMap(new TreeMap<>(actuals));
        statuses = Collections.unmodifiableMap(new TreeMap<>(statuses));
    }

    /** The year's place in the reporting cycle; recorded (open) for a year the cycle never touched. */
    public FigureStatus status(int fiscalYear) {
        return statuses.getOrDefault(fiscalYear, FigureStatus.RECORDED);
    }

    public boolean recorded(int fiscalYear) {
        return actuals.containsKey(fiscalYear);
    }
}
