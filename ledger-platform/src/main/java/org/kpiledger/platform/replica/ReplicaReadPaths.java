package org.kpiledger.platform.replica;

import java.util.List;

/**
 * The GET paths a feature lets the replica answer: reads that write nothing, where a state a few milliseconds old is
 * as good as the newest ({@code minPosition} still waits until the replica shows the write).
 */
@FunctionalInterface
public interface ReplicaReadPaths {

    /** Path patterns, as {@link org.springframework.web.util.pattern.PathPattern} reads them. */
    List<String> patterns();
}
