package org.kpiledger.accounts;

/** No account has this username. */
public class UserNotFoundException extends RuntimeException {

    UserNotFoundException(String username) {
        super("No account is named " + username + ".");
    }
}
