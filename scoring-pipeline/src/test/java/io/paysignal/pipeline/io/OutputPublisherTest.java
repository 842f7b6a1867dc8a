package io.paysignal.pipeline.io;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutputPublisherTest {

    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    @Test
    void publishAfterReplacesThePreviousOutputWithTheNewOneAndLeavesNothingBeside() throws IOException {
        Path target = dir.resolve("out");
        writeOutput(target, "old");

        String published = OutputPublisher.forTarget(target.toString(), conf).publishAfter(publisher -> {
            TextFiles.write(conf, publisher.staging("result.txt"), "new");
            return publisher.target();
        });

        assertEquals(target, Path.of(URI.create(published)));
        assertEquals(List.of("result.txt"), names(target));
        assertEquals("new", Files.readString(target.resolve("result.txt")));
        assertEquals(List.of("out"), names(dir), "no staging or previous copy is left beside the target");
    }

    @Test
    void aFailedWriteKeepsThePreviousOutputAndRemovesItsStagingDirectory() throws IOException {
        Path target = dir.resolve("out");
        writeOutput(target, "old");
        IOException failure = new IOException("disk full");

        IOException thrown = assertThrows(IOException.class,
                () -> OutputPublisher.forTarget(target.toString(), conf).publishAfter(publisher -> {
                    TextFiles.write(conf, publisher.staging("result.txt"), "half");
                    throw failure;
                }));

        assertSame(failure, thrown);
        assertEquals("old", Files.readString(target.resolve("result.txt")));
        assertEquals(List.of("out"), names(dir));
    }

    @Test
    void anUncheckedFailureIsRethrownAsIsAndPublishesNothing() throws IOException {
        Path target = dir.resolve("out");

        assertThrows(IllegalStateException.class,
                () -> OutputPublisher.forTarget(target.toString(), conf).publishAfter(publisher -> {
                    TextFiles.write(conf, publisher.staging("result.txt"), "half");
                    throw new IllegalStateException("task failed");
                }));

        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(dir));
    }

    @Test
    void aWriteThatWroteNothingIsNotPublished() throws IOException {
        Path target = dir.resolve("out");
        writeOutput(target, "old");

        assertThrows(IllegalStateException.class,
                () -> OutputPublisher.forTarget(target.toString(), conf).publishAfter(publisher -> "nothing"));

        assertEquals("old", Files.readString(target.resolve("result.txt")));
    }

    @Test
    void theStagingDirectoryIsHiddenBesideTheTarget() {
        OutputPublisher publisher = OutputPublisher.forTarget(dir.resolve("out").toString(), conf);

        Path staging = Path.of(URI.create(publisher.staging()));
        assertEquals(dir, staging.getParent());
        assertTrue(staging.getFileName().toString().startsWith(".out.staging-"), staging.toString());
    }

    @Test
    void aFileSystemRootIsRefusedAsATarget() {
        assertThrows(IllegalArgumentException.class, () -> OutputPublisher.forTarget("/", conf));
    }

    private void writeOutput(Path target, String content) {
        try {
            Files.createDirectories(target);
            Files.writeString(target.resolve("result.txt"), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
