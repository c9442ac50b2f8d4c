/**
 * Idempotency keys on writes (the IETF httpapi draft's semantics): a repeated request answers the first answer
 * again and stores nothing new.
 */
package org.kpiledger.platform.idempotency;
