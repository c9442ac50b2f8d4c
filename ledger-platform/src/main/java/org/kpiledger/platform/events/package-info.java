/**
 * Axon on PostgreSQL: the event store's serializer settings, the notified event stream, events this release
 * cannot read.
 */
package org.kpiledger.platform.events;
