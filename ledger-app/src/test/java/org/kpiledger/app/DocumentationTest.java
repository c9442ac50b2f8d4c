package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What the documents promise must hold: their links lead somewhere, the README's two commands are the ones the build
 * and CI run, and what they say about the event store is true. Wording is not tested.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern SHELL_BLOCK = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyRelativeLinkOfTheDocumentsLeadsToAFileOfTheRepository() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path document : documents()) {
            Matcher link = LINK.matcher(Files.readString(document));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")) {
                    continue;
                }
                Path file = document.getParent().resolve(target.replaceFirst("#.*$", "")).normalize();
                if (!Files.exists(file)) {
                    broken.add(ROOT.relativize(document) + " -> " + target);
                }
            }
        }

        assertThat(broken).isEmpty();
    }

    @Test
    void theReadmeRunsTheServiceFirstAndEveryTestSecondAndCiRunsExactlyTheSecond() throws IOException {
        List<String> commands = new ArrayList<>();
        Matcher block = SHELL_BLOCK.matcher(Files.readString(ROOT.resolve("README.md")));
        while (block.find() && commands.size() < 2) {
            commands.add(block.group(1).strip());
        }
        List<String> ciLines = Files.readAllLines(ROOT.resolve(".ci/run"));

        assertThat(commands.get(0)).startsWith("./mvnw ").contains(" package")
                .endsWith("java -jar ledger-app/target/kpi-ledger.jar");
        assertThat(Files.readString(ROOT.resolve("ledger-app/pom.xml"))).contains("<finalName>kpi-ledger</finalName>");
        assertThat(commands.get(1)).isEqualTo("./mvnw -B verify");
        assertThat(ciLines.get(ciLines.size() - 1).strip()).isEqualTo(commands.get(1));
    }

    @Test
    void theReadmeIsAFrontPageAndTheDetailsLiveUnderDocs() throws IOException {
        assertThat(Files.readAllLines(ROOT.resolve("README.md"))).hasSizeLessThan(200);
        for (String document : List.of("api.md", "security.md", "operations.md", "performance.md", "domain.md")) {
            assertThat(ROOT.resolve("docs").resolve(document)).exists();
        }
        assertThat(ROOT.resolve("requests.http")).exists();
    }

    @Test
    void noDocumentCallsTheGlobalIndexGapless() throws IOException {
        for (Path document : documents()) {
            assertThat(Files.readString(document)).as(document.toString()).doesNotContainIgnoringCase("gapless global");
        }
    }

    @Test
    void theDesignNotesExplainWhyTheGlobalIndexHasGapsAndHowProcessorsHandleThem() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docs/decisions.md")))
                .contains("**not gapless**", "GapAwareTrackingToken", "gap timeout");
    }

    private static List<Path> documents() throws IOException {
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            return Stream.concat(Stream.of(ROOT.resolve("README.md")),
                    docs.filter(path -> path.toString().endsWith(".md")).sorted()).toList();
        }
    }
}
