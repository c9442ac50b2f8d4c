package org.kpiledger.platform.web;

/** A request field whose value the ledger cannot accept; answered with 400 and the field's name. */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
