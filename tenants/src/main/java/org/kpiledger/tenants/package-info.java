/**
 * The municipalities one deployment hosts: the operator creates, lists, suspends and reactivates them; each starts
 * with its own administrator and nothing else, and lives under {@code /t/{tenantId}/}.
 */
package org.kpiledger.tenants;
