package org.kpiledger.platform.commands;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.security.LedgerPrincipal;
import org.kpiledger.platform.security.LedgerRole;
import org.kpiledger.platform.web.InvalidFieldException;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the metadata every event must carry: who asked for it and the correlation id that ties
 * the request, the command and its events together.
 */
@Component
public class CommandDispatcher {

    static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern CORRELATION_FORMAT = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final CommandGateway commandGateway;
    private final HttpServletRequest request;

    public CommandDispatcher(CommandGateway commandGateway, HttpServletRequest request) {
        this.commandGateway = commandGateway;
        this.request = request;
    }

    public <R> R send(Object command) {
        return commandGateway.sendAndWait(command, metaData());
    }

    /**
     * The metadata of this request's commands: who asks (the authenticated user, with their department and roles
     * at this moment, and how they signed in) and the correlation id. Nothing the client sends can name the actor.
     */
    public MetaData metaData() {
        LedgerPrincipal principal = LedgerPrincipal.current()
                .orElseThrow(() -> new IllegalStateException("A command was sent outside an authenticated request"));
        Map<String, Object> metaData = new HashMap<>();
        metaData.put(AxonPlatformConfiguration.ACTOR, principal.name());
        metaData.put(AxonPlatformConfiguration.ACTOR_ROLES, LedgerRole.joined(principal.roles()));
        metaData.put(AxonPlatformConfiguration.AUTH_METHOD, principal.method().name());
        if (principal.department() != null) {
            metaData.put(AxonPlatformConfiguration.ACTOR_DEPARTMENT, principal.department());
        }
        metaData.put(AxonPlatformConfiguration.CORRELATION_ID, correlationId());
        return MetaData.from(metaData);
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
