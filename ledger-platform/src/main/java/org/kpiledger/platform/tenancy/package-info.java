/**
 * Many municipalities on one deployment: which tenant a request is for ({@code /t/{tenantId}/…}, or the default
 * tenant without a prefix), and the database connection that carries it, so that PostgreSQL's row-level security
 * shows each request only its tenant's rows.
 */
package org.kpiledger.platform.tenancy;
