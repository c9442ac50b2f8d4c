package org.kpiledger.platform.security;

import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local account as Spring Security authenticates it, with the department the user works for. */
public class LocalAccount extends User {

    private final String department;

    public LocalAccount(String username, String passwordHash, Set<LedgerRole> roles, String department,
            boolean enabled) {
        super(username, passwordHash, enabled, true, true, true,
                roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.department = department;
    }

    public String department() {
        return department;
    }
}
