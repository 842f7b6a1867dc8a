package io.paysignal.pipeline.io;

import org.apache.hadoop.conf.Configuration;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an exchange-rate file for portfolio reports: a CSV with the header {@code currency,rate}, one row per
 * currency, where {@code rate} is how many units of that currency one unit of the reporting currency buys
 * (for a USD report: {@code JPY,150} and {@code EUR,0.92}). Blank lines and lines starting with {@code #} are
 * skipped. Any Hadoop URI works.
 */
public final class ExchangeRatesFile {

    /** The header the file must start with. */
    public static final String HEADER = "currency,rate";

    private ExchangeRatesFile() {
    }

    /**
     * The rates in {@code path}, keyed by upper-case currency code.
     *
     * @throws IllegalArgumentException when the file is missing or a line is malformed (with its line number)
     */
    public static Map<String, Double> read(Configuration hadoopConf, String path) {
        String text = TextFiles.readIfPresent(hadoopConf, path)
                .orElseThrow(() -> new IllegalArgumentException("no exchange-rate file " + path));
        String[] lines = text.split("\\R");
        Map<String, Double> rates = new LinkedHashMap<>();
        boolean headerSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!headerSeen) {
                if (!line.equalsIgnoreCase(HEADER)) {
                    throw new IllegalArgumentException(path + " line " + (i + 1) + ": expected the header " + HEADER
                            + ", found " + line);
                }
                headerSeen = true;
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2 || cells[0].isBlank()) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": expected currency,rate, found " + line);
            }
            String currency = cells[0].strip().toUpperCase(Locale.ROOT);
            double rate;
            try {
                rate = Double.parseDouble(cells[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": rate is not a number: " + cells[1]);
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": rate must be greater than 0, was " + rate);
            }
            if (rates.put(currency, rate) != null) {
                throw new IllegalArgumentException(path + " line " + (i + 1) + ": " + currency + " appears twice");
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException(path + " is empty: expected the header " + HEADER);
        }
        return rates;
    }
}
