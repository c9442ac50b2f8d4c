package org.kpiledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The command side alone: accepts writes and appends events; the query side runs in another process. Its features
 * are those under {@code org.kpiledger.command} and the write half of integrity (verification, checkpoints, export,
 * publication), which lives in a module of its own.
 */
@SpringBootApplication(scanBasePackages = {"org.kpiledger.command", "org.kpiledger.integrity"})
public class CommandSideApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommandSideApplication.class, args);
    }
}
