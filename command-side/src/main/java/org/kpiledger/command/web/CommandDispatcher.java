package org.kpiledger.command.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.kpiledger.platform.AxonPlatformConfiguration;
import org.kpiledger.platform.web.InvalidFieldException;
import org.kpiledger.platform.web.MissingHeaderException;
import org.kpiledger.platform.web.StrictUtf8;
import org.kpiledger.platform.web.TextRules;
import org.springframework.stereotype.Component;

/**
 * Sends a command with the metadata every event must carry: who asked for it and the correlation id that ties
 * the request, the command and its events together.
 *
 * <p>Until authentication lands, the actor is read from the {@code X-Actor} header, here and nowhere else; a
 * request body can never name it.
 */
@Component
public class CommandDispatcher {

    static final String ACTOR_HEADER = "X-Actor";
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

    /** The metadata of this request's commands: who asks, and the correlation id. */
    public MetaData metaData() {
        return MetaData.with(AxonPlatformConfiguration.ACTOR, actor())
                .and(AxonPlatformConfiguration.CORRELATION_ID, correlationId());
    }

    /**
     * The actor, exactly as sent: HTTP gives header values as bytes, which the container reads as ISO-8859-1, so a
     * name sent in UTF-8 (as curl and browsers send {@code 佐藤}) is decoded again as UTF-8, and refused when it is
     * not UTF-8. A header given twice is refused rather than one of them chosen silently.
     */
    private String actor() {
        List<String> values = Collections.list(request.getHeaders(ACTOR_HEADER));
        if (values.isEmpty() || values.get(0).isBlank()) {
            throw new MissingHeaderException(ACTOR_HEADER);
        }
        if (values.size() > 1) {
            throw new InvalidFieldException(ACTOR_HEADER, "X-Actor may be given only once.");
        }
        String actor;
        try {
            actor = StrictUtf8.decode(values.get(0).getBytes(StandardCharsets.ISO_8859_1));
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException(ACTOR_HEADER, "X-Actor must be UTF-8.");
        }
        actor = TextRules.canonical(actor.strip());
        String violation = TextRules.violation(actor, false);
        if (violation != null) {
            throw new InvalidFieldException(ACTOR_HEADER, "X-Actor " + violation + ".");
        }
        if (actor.length() > 128) {
            throw new InvalidFieldException(ACTOR_HEADER, "The actor may be at most 128 characters long.");
        }
        return actor;
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
