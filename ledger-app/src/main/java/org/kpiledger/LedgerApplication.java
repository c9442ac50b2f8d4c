package org.kpiledger;

import java.io.IOException;
import org.kpiledger.command.CommandSideApplication;
import org.kpiledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Both sides in one process: the zero-setup default. Each side's own application class is left out of the scan
 * so that their beans are picked up once, through this one.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(excludeFilters = @ComponentScan.Filter(
        type = FilterType.ASSIGNABLE_TYPE, classes = {CommandSideApplication.class, QuerySideApplication.class}))
public class LedgerApplication {

    public static void main(String[] args) throws IOException {
        Integer status = LedgerCommandLine.run(args);
        if (status != null) {
            System.exit(status);
        }
        SpringApplication.run(LedgerApplication.class, args);
    }
}
