package org.kpiledger.events;

/**
 * The stream (aggregate) type each event is stored under, in {@code domain_event_entry.type}: one constant per
 * stream, named in the aggregate's {@code @Aggregate(type = ...)} and in every SQL that selects by type. Stored
 * history carries these values, so they never change.
 */
public final class StreamTypes {

    public static final String KPI = "Kpi";
    public static final String STRATEGY = "Strategy";
    public static final String PUBLICATION = "Publication";
    public static final String LEDGER_INTEGRITY = "LedgerIntegrity";
    public static final String REPORTING_PERIOD = "ReportingPeriod";
    public static final String SCORING_POLICY = "ScoringPolicy";

    private StreamTypes() {
    }
}
