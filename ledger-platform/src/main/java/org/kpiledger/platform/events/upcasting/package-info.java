/**
 * Upcasters: each turns one stored revision of an event type into the next as the event is read, so that stored
 * events are never rewritten (docs/event-evolution.md). One class per step, each with its test.
 */
package org.kpiledger.platform.events.upcasting;
