package org.kpiledger.platform.web;

/** A request header the ledger cannot do without; answered with 400 and the header's name as the field. */
public class MissingHeaderException extends RuntimeException {

    private final String header;

    public MissingHeaderException(String header) {
        super("The request needs the header " + header + ".");
        this.header = header;
    }

    public String header() {
        return header;
    }
}
