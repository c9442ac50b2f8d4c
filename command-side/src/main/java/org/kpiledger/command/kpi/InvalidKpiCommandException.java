package org.kpiledger.command.kpi;

/** A command whose content contradicts itself or the KPI's definition, whatever the KPI's history. */
public class InvalidKpiCommandException extends RuntimeException {

    private final String field;

    InvalidKpiCommandException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
