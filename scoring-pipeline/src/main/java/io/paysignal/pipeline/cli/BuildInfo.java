package io.paysignal.pipeline.cli;

/** Facts about the running build that bin/riskctl passes in as system properties. */
final class BuildInfo {

    private BuildInfo() {
    }

    /** The source revision ({@code -Driskctl.git.commit}, set by bin/riskctl), or {@code unknown}. */
    static String gitCommit() {
        String commit = System.getProperty("riskctl.git.commit", "");
        return commit.isBlank() ? "unknown" : commit;
    }
}
