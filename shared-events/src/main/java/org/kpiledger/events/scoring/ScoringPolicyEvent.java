package org.kpiledger.events.scoring;

/** Something that happened to a scoring policy version a city defined; its stream is {@code id@version}. */
public sealed interface ScoringPolicyEvent permits ScoringPolicyDefinedEvent {

    String policyId();

    int version();

    /** The stream of the policy version: {@code id@version}. */
    static String streamOf(String policyId, int version) {
        return policyId + "@" + version;
    }
}
