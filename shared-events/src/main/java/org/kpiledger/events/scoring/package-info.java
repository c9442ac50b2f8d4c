/** The contract of scoring policies a city defines as data: their sealed events and commands. */
package org.kpiledger.events.scoring;
