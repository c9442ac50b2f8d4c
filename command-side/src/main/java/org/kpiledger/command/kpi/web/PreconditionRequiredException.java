package org.kpiledger.command.kpi.web;

/** A change to an existing figure came without {@code If-Match}; answered with 428 (RFC 6585). */
class PreconditionRequiredException extends RuntimeException {

    PreconditionRequiredException() {
        super("Send the KPI's version as If-Match (the ETag of your last read or write), "
                + "or If-Match: * to change it whatever its version.");
    }
}
