package org.kpiledger.accounts;

/** Granting OPERATOR, or changing the account of an operator, by somebody who is not one. */
class OperatorOnlyException extends RuntimeException {

    private final String field;

    OperatorOnlyException(String field) {
        super("Only an operator of the deployment grants OPERATOR or changes an operator's account.");
        this.field = field;
    }

    String field() {
        return field;
    }
}
