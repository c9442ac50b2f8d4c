package org.kpiledger.platform.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a user of the ledger may do; {@link #ADMIN} may do everything the others but the operator may. */
public enum LedgerRole {
    /** Records and corrects the actuals of the KPIs their own department owns. */
    STAFF,
    /** Registers KPIs, revises targets, places KPIs in the strategy, assigns owners, imports catalogs, adopts policies. */
    PLANNER,
    /** Reads the change history with actor names, the audit feed and the integrity checks. */
    AUDITOR,
    /** Reads past states of the ledger and the changes between two dates. */
    COMMITTEE,
    /** Manages users and runs the operator endpoints; may do everything above. */
    ADMIN,
    /**
     * Runs the deployment for all its tenants: creates, lists and suspends them. Held by accounts of the default
     * tenant only (its first administrator has it) and granted only by an operator; never taken from a token.
     */
    OPERATOR;

    /** The Spring Security authority of this role. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** A role named in a token or a request, in any letter case; empty when no role has that name. */
    public static Optional<LedgerRole> named(String name) {
        return Arrays.stream(values()).filter(role -> role.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The roles among Spring Security authorities. */
    public static Set<LedgerRole> fromAuthorities(Collection<String> authorities) {
        Set<LedgerRole> roles = EnumSet.noneOf(LedgerRole.class);
        for (LedgerRole role : values()) {
            if (authorities.contains(role.authority())) {
                roles.add(role);
            }
        }
        return roles;
    }

    /** Roles as stored and as put in event metadata: comma-separated, in declaration order. */
    public static String joined(Set<LedgerRole> roles) {
        return roles.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Set<LedgerRole> split(String joined) {
        Set<LedgerRole> roles = EnumSet.noneOf(LedgerRole.class);
        if (joined != null && !joined.isBlank()) {
            for (String name : joined.split(",")) {
                named(name).ifPresent(roles::add);
            }
        }
        return roles;
    }
}
