package org.kpiledger.platform.commands;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Import;

/** Makes the dispatcher and the positions of stored events available to every feature that writes. */
@AutoConfiguration
@Import({CommandDispatcher.class, EventPositions.class})
public class CommandsConfiguration {
}
