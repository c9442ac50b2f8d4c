/**
 * Dead letters: the events a projection parked, for operators to see and retry.
 */
package org.kpiledger.query.deadletter;
