package org.kpiledger.command.kpi.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.MissingHeaderException;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the metadata every event must carry: who asked for it and the correlation id that ties
 * the request, the command and its events together.
 *
 * <p>Until authentication lands, the actor is read from the {@code X-Actor} header, here and nowhere else; a
 * request body can never name it.
 */
@Component
class CommandDispatcher {

    static final String ACTOR_HEADER = "X-Actor";
    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final CommandGateway commandGateway;
    private final HttpServletRequest request;

    CommandDispatcher(CommandGateway commandGateway, HttpServletRequest request) {
        this.commandGateway = commandGateway;
        this.request = request;
    }

    <R> R send(Object command) {
        return commandGateway.sendAndWait(command, MetaData
                .with(AxonPlatformConfiguration.ACTOR, actor())
                .and(AxonPlatformConfiguration.CORRELATION_ID, correlationId()));
    }

    private String actor() {
        String actor = request.getHeader(ACTOR_HEADER);
        if (actor == null || actor.isBlank()) {
            throw new MissingHeaderException(ACTOR_HEADER);
        }
        if (actor.length() > 128) {
            throw new InvalidFieldException(ACTOR_HEADER, "The actor may be at most 128 characters long.");
        }
        return actor.strip();
    }

    private String correlationId() {
        String given = request.getHeader(CORRELATION_HEADER);
        if (given == null) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION_FORMAT.matcher(given).matches()) {
            throw new InvalidFieldException(CORRELATION_HEADER,
                    "A correlation id is 1 to 128 letters, digits, '.', '_', ':' or '-'.");
        }
        return given;
    }
}
