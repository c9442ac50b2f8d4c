package org.kpiledger.platform.security;

import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** A local account as Spring Security authenticates it, with the department the user works for and its tenant. */
public class LocalAccount extends User {

    private final String department;
    private final String tenant;

    public LocalAccount(String username, String passwordHash, Set<LedgerRole> roles, String department,
            boolean enabled, String tenant) {
        super(username, passwordHash, enabled, true, true, true,
                roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
        this.department = department;
        this.tenant = tenant;
    }

    public String department() {
        return department;
    }

    /** The tenant the account belongs to: it signs in under that tenant's URLs only. */
    public String tenant() {
        return tenant;
    }
}
