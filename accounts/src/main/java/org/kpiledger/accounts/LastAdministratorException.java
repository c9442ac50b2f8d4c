package org.kpiledger.accounts;

import org.kpiledger.platform.security.LedgerRole;

/** The change would leave nobody able to administer the ledger, or nobody to operate the deployment. */
class LastAdministratorException extends RuntimeException {

    private final String field;

    LastAdministratorException(LedgerRole role, String field) {
        super(role == LedgerRole.OPERATOR
                ? "This is the last enabled operator of the deployment; make another one first."
                : "This is the last enabled administrator; make another one first.");
        this.field = field;
    }

    String field() {
        return field;
    }
}
