package io.paysignal.core.feature;

/**
 * Renders docs/FEATURES.md from {@link FeatureNames}, so the documented features are the extracted ones.
 * {@link FeatureDocsTest} fails when the committed file differs. Regenerate from the repository root with
 * {@value #REGENERATE_COMMAND}.
 */
public final class FeatureDocs {

    /** Repository-relative path of the generated document. */
    public static final String DOCS_PATH = "docs/FEATURES.md";
    /** The shell command that rewrites {@link #DOCS_PATH}, run from the repository root. */
    public static final String REGENERATE_COMMAND = "mvn -o -q -B -pl scoring-core test-compile && java -cp "
            + "scoring-core/target/classes:scoring-core/target/test-classes io.paysignal.core.feature.FeatureDocs"
            + " > docs/FEATURES.md";

    private FeatureDocs() {
    }

    /** Prints the markdown to standard output. */
    public static void main(String[] args) {
        System.out.print(markdown());
    }

    /** The full text of docs/FEATURES.md. */
    public static String markdown() {
        StringBuilder md = new StringBuilder(16_384);
        md.append("# Features\n\n");
        md.append("<!-- Generated from io.paysignal.core.feature.FeatureNames by FeatureDocs; do not edit.\n");
        md.append("     Regenerate: ").append(REGENERATE_COMMAND).append(" -->\n\n");
        md.append("Schema version **").append(FeatureNames.SCHEMA_VERSION).append("**, ")
                .append(FeatureNames.names().size()).append(" features. `FeatureExtractor.extract(history, asOf)`")
                .append(" computes them for one customer as of a date T, in the order below (the order of")
                .append(" `FeatureVector.names()` and of a model bundle's feature list). Training and serving use")
                .append(" the same code.\n\n");
        md.append("## Conventions\n\n");
        for (String convention : FeatureNames.conventions()) {
            md.append("- ").append(convention).append('\n');
        }
        md.append("\n## Windows\n\n| window | name suffix | covers |\n|---|---|---|\n");
        for (FeatureWindow window : FeatureWindow.values()) {
            md.append("| ").append(window.name()).append(" | ")
                    .append(window.nameSuffix().isEmpty() ? "(none)" : "`" + window.nameSuffix() + "`")
                    .append(" | ").append(window.label()).append(" |\n");
        }
        md.append("\n## Catalog\n\n");
        md.append("The reason code is what the score table's `reason_codes` carries when the feature is among")
                .append(" those raising the score most; the sentence explains it to a person.\n\n");
        md.append("| # | feature | window | meaning | reason code | reason |\n|---|---|---|---|---|---|\n");
        int position = 1;
        for (FeatureDefinition definition : FeatureNames.definitions()) {
            md.append("| ").append(position++)
                    .append(" | `").append(definition.name()).append('`')
                    .append(" | ").append(definition.window().label())
                    .append(" | ").append(definition.meaning())
                    .append(" | `").append(definition.reasonCode()).append('`')
                    .append(" | ").append(definition.reasonSentence()).append(" |\n");
        }
        md.append("\n## Changing a feature\n\n");
        md.append("Edit the constant and its catalog entry in `FeatureNames` together with `FeatureExtractor`")
                .append(" (it fails fast when its output order differs from the catalog), bump")
                .append(" `FeatureNames.SCHEMA_VERSION`, add a test of the rule in `FeatureExtractorTest`, and")
                .append(" regenerate this file.\n");
        return md.toString();
    }
}
