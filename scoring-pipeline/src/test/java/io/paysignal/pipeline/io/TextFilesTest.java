package io.paysignal.pipeline.io;

import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TextFilesTest {

    @TempDir
    Path dir;

    private final Configuration conf = new Configuration();

    @Test
    void firstLineEndsAtAnyLineEndHadoopsTextInputKnows() throws IOException {
        assertEquals(Optional.of("a,b"), firstLine("a,b\nc,d\n"));
        assertEquals(Optional.of("a,b"), firstLine("a,b\r\nc,d\r\n"));
        assertEquals(Optional.of("a,b"), firstLine("a,b\rc,d"));
        assertEquals(Optional.of("a,b"), firstLine("a,b"));
    }

    @Test
    void firstLineKeepsByteOrderMarkAndUtf8ForTheCallerToHandle() throws IOException {
        assertEquals(Optional.of("\uFEFFcustomer_id,pa\u00EDs"), firstLine("\uFEFFcustomer_id,pa\u00EDs\nC1,ES\n"));
    }

    @Test
    void firstLineOfAnEmptyFileIsEmptyAndOfABlankLineIsBlank() throws IOException {
        assertEquals(Optional.empty(), firstLine(""));
        assertEquals(Optional.of(""), firstLine("\nC1\n"));
    }

    @Test
    void firstLineIsCutAtTheLimit() throws IOException {
        assertEquals(Optional.of("abcd"), TextFiles.firstLine(conf, write("abcdefgh\nx\n").toString(), 4));
    }

    @Test
    void aMissingFileIsAnErrorNamingIt() {
        UncheckedIOException error = assertThrows(UncheckedIOException.class,
                () -> TextFiles.firstLine(conf, dir.resolve("absent.csv").toString(), 100));
        assertTrue(error.getMessage().contains("absent.csv"), error.getMessage());
    }

    private Optional<String> firstLine(String content) throws IOException {
        return TextFiles.firstLine(conf, write(content).toString(), 1 << 16);
    }

    private Path write(String content) throws IOException {
        Path file = Files.createTempFile(dir, "table", ".csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
