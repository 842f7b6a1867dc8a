package io.paysignal.pipeline.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeRatesFileTest {

    @TempDir
    Path tmp;

    private Map<String, Double> read(String content) throws IOException {
        Path file = tmp.resolve("rates.csv");
        Files.writeString(file, content);
        return ExchangeRatesFile.read(new Configuration(), file.toString());
    }

    @Test
    void readsRatesSkippingCommentsAndBlankLines() throws IOException {
        assertEquals(Map.of("USD", 1.0, "JPY", 150.0, "EUR", 0.92),
                read("# per USD\ncurrency,rate\nUSD,1\n\njpy, 150\nEUR,0.92\n"));
    }

    @Test
    void malformedFilesFailWithTheLine() {
        IllegalArgumentException noRate = assertThrows(IllegalArgumentException.class,
                () -> read("currency,rate\nUSD,1\nJPY,abc\n"));
        assertTrue(noRate.getMessage().contains("line 3"), noRate.getMessage());
        assertThrows(IllegalArgumentException.class, () -> read("code,value\nUSD,1\n"));
        assertThrows(IllegalArgumentException.class, () -> read("currency,rate\nUSD,0\n"));
        assertThrows(IllegalArgumentException.class, () -> read("currency,rate\nUSD,1\nusd,1\n"));
        assertThrows(IllegalArgumentException.class, () -> read(""));
        assertThrows(IllegalArgumentException.class,
                () -> ExchangeRatesFile.read(new Configuration(), tmp.resolve("missing.csv").toString()));
    }
}
