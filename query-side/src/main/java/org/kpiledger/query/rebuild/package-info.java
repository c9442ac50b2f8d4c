/** A rebuild of one tenant's read models from its events, the other tenants' left as they are. */
package org.kpiledger.query.rebuild;
