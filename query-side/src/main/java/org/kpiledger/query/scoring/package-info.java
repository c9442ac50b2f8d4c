/**
 * The scoring policies as data, for anyone to check how a grade is computed.
 */
package org.kpiledger.query.scoring;
