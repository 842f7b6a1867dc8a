package io.paysignal.pipeline.cli;

import io.paysignal.core.bundle.ModelRegistry;
import io.paysignal.core.bundle.RegistryEntry;
import io.paysignal.pipeline.io.ModelLocation;
import io.paysignal.pipeline.io.ModelStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code riskctl models}: the model registry. */
@Command(name = "models", mixinStandardHelpOptions = true, description = "Inspect a model registry.",
        subcommands = {ModelsCommand.ListCommand.class})
final class ModelsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                "missing sub-command: riskctl models list --registry DIR");
    }

    /** {@code riskctl models list}: versions with their headline metrics, CURRENT marked. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List versions and their metrics.")
    static final class ListCommand implements Callable<Integer> {

        @Option(names = "--registry", required = true, paramLabel = "DIR",
                description = "Model registry folder (local or any Hadoop URI).")
        ModelLocation registry;

        @Override
        public Integer call() throws Exception {
            List<RegistryEntry> entries;
            try (ModelStore.Local manifests = ModelStore.manifests(registry, ModelStore.hadoopConfiguration())) {
                entries = new ModelRegistry(manifests.folder()).list();
            }
            if (entries.isEmpty()) {
                System.out.println("no model versions in " + registry);
                return 0;
            }
            System.out.printf("%-2s %-28s %-10s %-8s %-8s %-8s %-8s %s%n", "", "version", "learner", "AUC", "KS",
                    "Brier", "ECE", "training window");
            for (RegistryEntry entry : entries) {
                if (!entry.readable()) {
                    System.out.printf("%-2s %-28s unreadable: %s%n", entry.current() ? "*" : "", entry.version(),
                            entry.problem());
                    continue;
                }
                var manifest = entry.manifest();
                var metrics = manifest.chosenCalibrated();
                System.out.printf("%-2s %-28s %-10s %-8.4f %-8.4f %-8.4f %-8.4f %s..%s%n", entry.current() ? "*" : "",
                        entry.version(), manifest.chosenCandidate(), metrics.auc(), metrics.ks(), metrics.brier(),
                        metrics.ece(), manifest.trainingWindow().firstAsOf(), manifest.trainingWindow().lastAsOf());
            }
            return 0;
        }
    }
}
