package io.paysignal.core.feature;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FeatureDocsTest {

    @Test
    void committedFeatureDocsMatchTheCatalog() throws IOException {
        Path docs = repositoryRoot().resolve(FeatureDocs.DOCS_PATH);
        assertTrue(Files.exists(docs), docs + " is missing; generate it with: " + FeatureDocs.REGENERATE_COMMAND);

        String committed = Files.readString(docs, StandardCharsets.UTF_8);

        assertEquals(FeatureDocs.markdown(), committed, FeatureDocs.DOCS_PATH
                + " is out of date with FeatureNames; regenerate it from the repository root with: "
                + FeatureDocs.REGENERATE_COMMAND);
    }

    @Test
    void docsListEveryFeatureWithItsReasonCode() {
        String markdown = FeatureDocs.markdown();
        for (FeatureDefinition definition : FeatureNames.definitions()) {
            assertTrue(markdown.contains("| `" + definition.name() + "` |"), definition.name());
            assertTrue(markdown.contains("`" + definition.reasonCode() + "`"), definition.reasonCode());
        }
    }

    /** Surefire runs in the module directory; the docs live at the repository root above it. */
    private static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isDirectory(dir.resolve("scoring-core")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no repository root above " + Path.of("").toAbsolutePath());
    }
}
