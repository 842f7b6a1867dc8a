package io.paysignal.pipeline.spark;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * The jars executors need to run our closures on a cluster: every entry of this JVM's class path that is
 * neither Spark's own nor Scala's (a cluster brings those). Computed from {@code java.class.path}, which
 * {@code bin/riskctl} sets to the pipeline jar plus its {@code lib/} folder.
 */
final class ApplicationJars {

    private ApplicationJars() {
    }

    static String forExecutors() {
        String classPath = System.getProperty("java.class.path", "");
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            if (!file.isFile() || !entry.endsWith(".jar")) {
                continue;
            }
            String name = file.getName();
            if (name.startsWith("spark-") || name.startsWith("scala-") || name.startsWith("hadoop-client-")) {
                continue;
            }
            jars.add(file.toURI().toString());
        }
        return String.join(",", jars);
    }
}
