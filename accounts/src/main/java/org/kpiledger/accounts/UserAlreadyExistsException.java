package org.kpiledger.accounts;

/** An account with this username exists already. */
public class UserAlreadyExistsException extends RuntimeException {

    UserAlreadyExistsException(String username) {
        super("An account named " + username + " exists already.");
    }
}
