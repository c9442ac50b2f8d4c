package org.kpiledger.accounts;

/** The change would leave nobody able to administer the ledger. */
class LastAdministratorException extends RuntimeException {

    private final String field;

    LastAdministratorException(String field) {
        super("This is the last enabled administrator; make another one first.");
        this.field = field;
    }

    String field() {
        return field;
    }
}
