package org.kpiledger.platform.commands;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Import;

/**
 * Makes the dispatcher and the positions of stored events available to every feature that writes, in a web
 * application: the dispatcher takes the actor from the request being served.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import({CommandDispatcher.class, EventPositions.class})
public class CommandsConfiguration {
}
