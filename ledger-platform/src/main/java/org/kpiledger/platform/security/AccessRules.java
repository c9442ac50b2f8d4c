package org.kpiledger.platform.security;

import java.util.List;

/**
 * A feature's rows of the access table. Every feature that answers HTTP declares a bean of this type next to its
 * controllers or pages; {@link AccessTable} gathers them, and a request no row names is refused.
 */
@FunctionalInterface
public interface AccessRules {

    List<AccessRule> rules();

    /** The paths these rules name, each once. */
    default List<String> paths() {
        return rules().stream().map(AccessRule::pattern).distinct().toList();
    }
}
