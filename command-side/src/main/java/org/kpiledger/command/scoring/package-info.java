/** Scoring policies a city defines as data: the policy version's stream, its definition API and its lookup. */
package org.kpiledger.command.scoring;
