package org.kpiledger.events.scoring;

import org.axonframework.serialization.Revision;

/**
 * The planning division defined a scoring policy version in the form of the shipped ones: {@code definition} is the
 * policy as JSON, exactly as every view grades with it. A version is defined once and never changes; a changed rule
 * is a new version.
 */
@Revision("1")
public record ScoringPolicyDefinedEvent(String policyId, int version, String definition)
        implements ScoringPolicyEvent {
}
