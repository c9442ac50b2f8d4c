/**
 * Upcasters: each turns one stored revision of an event type into the next as the event is read, so that stored
 * events are never rewritten (docs/event-evolution.md). One upcaster per step, proven on stored events by GoldenStoreIT.
 */
package org.kpiledger.platform.events.upcasting;
