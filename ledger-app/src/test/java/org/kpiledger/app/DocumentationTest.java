package org.kpiledger.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * What the documents promise about the event store must be true. The global index has gaps (refused writes leave
 * them, {@code HardeningIT} shows one), so no document may call it gapless, and the design notes say why gaps appear
 * and how the processors pass over them.
 */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void noDocumentCallsTheGlobalIndexGapless() throws IOException {
        for (String document : new String[] {"README.md", "docs/decisions.md"}) {
            assertThat(Files.readString(ROOT.resolve(document))).as(document).doesNotContainIgnoringCase("gapless global");
        }
    }

    @Test
    void theDesignNotesExplainWhyTheGlobalIndexHasGapsAndHowProcessorsHandleThem() throws IOException {
        assertThat(Files.readString(ROOT.resolve("docs/decisions.md")))
                .contains("**not gapless**", "GapAwareTrackingToken", "gap timeout");
    }
}
