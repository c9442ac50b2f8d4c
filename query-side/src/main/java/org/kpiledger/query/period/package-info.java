/** The reporting cycle's read side: periods and each department's state, opinions, changes since publication. */
package org.kpiledger.query.period;
