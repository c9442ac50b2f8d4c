/**
 * The progress of every KPI, now and as of any instant: the temporal read model, its projection and its read API.
 */
package org.kpiledger.query.progress;
