package io.paysignal.pipeline;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paysignal.pipeline.testsupport.ChildProcess;
import io.paysignal.pipeline.testsupport.SampleHistory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/riskctl} reads a cluster's Hadoop client settings from {@code HADOOP_CONF_DIR}, as spark-submit does:
 * a registry on Hadoop's {@code viewfs://} file system, whose mount table only a {@code core-site.xml} there
 * defines, is listed through it, and the same command without the settings fails with a one-line reason.
 */
class HadoopConfDirIT {

    @Test
    void aRegistryOnAFileSystemConfiguredInHadoopConfDirIsListed(@TempDir Path dir) throws Exception {
        Path registry = Files.createDirectories(dir.resolve("registry").resolve("v1"));
        Files.writeString(registry.resolve("manifest.json"), "{}", StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("registry").resolve("CURRENT"), "v1\n", StandardCharsets.UTF_8);
        Path conf = Files.createDirectories(dir.resolve("hadoop-conf"));
        Files.writeString(conf.resolve("core-site.xml"), """
                <?xml version="1.0"?>
                <configuration>
                  <property>
                    <name>fs.viewfs.mounttable.default.link./models</name>
                    <value>%s</value>
                  </property>
                </configuration>
                """.formatted(dir.resolve("registry").toUri()), StandardCharsets.UTF_8);
        Path root = SampleHistory.repositoryRoot();
        List<String> command = List.of(root.resolve("bin/riskctl").toString(), "models", "list", "--registry",
                "viewfs:///models");

        ChildProcess.Result listed = ChildProcess.run(command, Map.of("HADOOP_CONF_DIR", conf.toString()), root,
                dir.resolve("with-conf.log"), Duration.ofMinutes(2)).requireSuccess();
        assertTrue(listed.output().lines().anyMatch(line -> line.startsWith("*") && line.contains("v1")),
                listed.output());

        ChildProcess.Result unconfigured = ChildProcess.run(command, Map.of("HADOOP_CONF_DIR", ""), root,
                dir.resolve("without-conf.log"), Duration.ofMinutes(2));
        assertNotEquals(0, unconfigured.exitStatus());
        assertTrue(unconfigured.output().contains("Mount table"), unconfigured.output());
    }
}
