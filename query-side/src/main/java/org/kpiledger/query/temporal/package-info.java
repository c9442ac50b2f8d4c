/**
 * Reading as of an instant and waiting for a write ({@code asOf}, {@code minPosition}): what every read model
 * shares.
 */
package org.kpiledger.query.temporal;
