package org.kpiledger.command.strategy;

/** A strategy statement that contradicts itself (a goal stated twice, a period that ends before it begins). */
public class InvalidStrategyException extends RuntimeException {

    private final String field;

    InvalidStrategyException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
