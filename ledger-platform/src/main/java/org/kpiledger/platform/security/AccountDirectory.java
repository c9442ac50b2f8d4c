package org.kpiledger.platform.security;

import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Where sign-in finds local accounts: the accounts feature provides it. Without one (a deployment or a test with
 * bearer tokens only) nobody signs in with a password.
 */
public interface AccountDirectory {

    /** Knows no account. */
    AccountDirectory NONE = new AccountDirectory() {
        @Override
        public LocalAccount loadForLogin(String username) {
            throw new UsernameNotFoundException("No local accounts here");
        }

        @Override
        public long lastChangeOf(String username) {
            return 0;
        }
    };

    /** The account as sign-in checks it: its password hash, roles, department and whether it is enabled. */
    LocalAccount loadForLogin(String username) throws UsernameNotFoundException;

    /** A number that changes whenever the account's password, roles, department or state change. */
    long lastChangeOf(String username);
}
