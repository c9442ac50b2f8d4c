package org.kpiledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kpiledger.integrity.ledger.LedgerImport;
import org.kpiledger.integrity.chain.ExportVerifier;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the jar does besides serving: {@code verify} checks an export offline, without a database or the service;
 * {@code import} restores an export into the configured (empty) event store and exits.
 */
final class LedgerCommandLine {

    static final String USAGE = """
            usage: java -jar kpi-ledger.jar                                   serve the ledger
                   java -jar kpi-ledger.jar verify <export.jsonl> --public-key <file or key>
                   java -jar kpi-ledger.jar import <export.jsonl> [--spring.datasource.url=...]""";

    private LedgerCommandLine() {
    }

    /** The exit status of a command the arguments name, or null when they name none (serve). */
    static Integer run(String[] args) throws IOException {
        if (args.length == 0 || args[0].startsWith("--")) {
            return null;
        }
        if (args[0].equals("verify") && args.length == 4 && args[2].equals("--public-key")) {
            return verify(Path.of(args[1]), args[3]);
        }
        if (args[0].equals("import") && args.length >= 2) {
            return importExport(Path.of(args[1]), Arrays.copyOfRange(args, 2, args.length));
        }
        System.err.println(USAGE);
        return 2;
    }

    private static int verify(Path export, String publicKey) throws IOException {
        Path keyFile = Path.of(publicKey);
        String key = Files.isRegularFile(keyFile) ? Files.readString(keyFile) : publicKey;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            ExportVerifier.Result result = ExportVerifier.verify(lines, key);
            System.out.println(result.describe());
            return result.verified() ? 0 : 1;
        }
    }

    private static int importExport(Path export, String[] options) throws IOException {
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--kpi-ledger.catalog=none", "--server.port=0", "--spring.main.banner-mode=off"));
        try (ConfigurableApplicationContext ledger = new SpringApplicationBuilder(LedgerApplication.class)
                .run(arguments.toArray(String[]::new));
             BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            long imported = ledger.getBean(LedgerImport.class).importFrom(lines);
            System.out.println("IMPORTED: " + imported + " events from " + export);
            return 0;
        } catch (RuntimeException e) {
            System.err.println("NOT IMPORTED: " + e.getMessage());
            return 1;
        }
    }
}
