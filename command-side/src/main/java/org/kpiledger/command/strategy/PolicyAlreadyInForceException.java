package org.kpiledger.command.strategy;

/** The same scoring policy is already adopted from the same fiscal year; adopting it again would record nothing. */
public class PolicyAlreadyInForceException extends RuntimeException {

    PolicyAlreadyInForceException(String message) {
        super(message);
    }
}
