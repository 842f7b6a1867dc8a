package io.paysignal.pipeline.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class LocalPathConverterTest {

    private final LocalPathConverter converter = new LocalPathConverter();

    @Test
    void plainPathsStayAsWritten() {
        assertEquals(Path.of("/data/models"), converter.convert("/data/models"));
        assertEquals(Path.of("runs/models"), converter.convert("runs/models"));
    }

    @Test
    void fileUrisAreTheLocalFoldersTheyName() {
        assertEquals(Path.of("/data/models"), converter.convert("file:///data/models"));
        assertEquals(Path.of("/data/models"), converter.convert("file:/data/models"));
        assertEquals(Path.of("/data/my models"), converter.convert("file:///data/my%20models"));
    }

    @Test
    void otherSchemesAreRefusedInsteadOfReadAsRelativeFolders() {
        for (String text : new String[] {"hdfs://namenode/models", "s3a://bucket/models", "file://host/models"}) {
            assertThrows(CommandLine.TypeConversionException.class, () -> converter.convert(text), text);
        }
    }

    @Test
    void riskctlAnswersAnHdfsPathWhereOnlyLocalOnesWorkWithAUsageErrorOnOneLine() {
        CommandLine commandLine = RiskCtl.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertEquals(RiskCtl.EXIT_USAGE, commandLine.execute("generate", "--customers", "10", "--out",
                "hdfs://nn/history"));
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertTrue(text.contains("is not a local path") && !text.contains("\n"), text);
    }
}
