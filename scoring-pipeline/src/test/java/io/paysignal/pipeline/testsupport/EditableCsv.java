package io.paysignal.pipeline.testsupport;

import io.paysignal.core.history.CsvLine;
import io.paysignal.core.history.RowOutcome;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A history table loaded as rows of named cells, to be edited and written back: how tests make altered copies
 * of a history. Only for tables without quoted fields (the generator writes none); writing refuses a cell that
 * would need quoting.
 */
public final class EditableCsv {

    private final List<String> header;
    private final List<Map<String, String>> rows;

    private EditableCsv(List<String> header, List<Map<String, String>> rows) {
        this.header = List.copyOf(header);
        this.rows = rows;
    }

    /** Reads {@code file}: header line, then one row per non-blank line. */
    public static EditableCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = split(lines.get(0), file, 1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> cells = split(lines.get(i), file, i + 1);
            if (cells.size() != header.size()) {
                throw new IllegalStateException(file + " line " + (i + 1) + " has " + cells.size() + " fields");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                row.put(header.get(c), cells.get(c));
            }
            rows.add(row);
        }
        return new EditableCsv(header, rows);
    }

    private static List<String> split(String line, Path file, int number) {
        RowOutcome<List<String>> cells = CsvLine.split(line);
        if (!cells.isAccepted()) {
            throw new IllegalStateException(file + " line " + number + ": " + cells.reason());
        }
        return cells.value();
    }

    /** The rows, in file order (copies: edit through the methods below). */
    public List<Map<String, String>> rows() {
        return rows.stream().map(row -> (Map<String, String>) new HashMap<>(row)).toList();
    }

    /** Appends a row given as column name, value pairs; absent columns are blank. */
    public void append(Map<String, String> cells) {
        for (String column : cells.keySet()) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
        }
        Map<String, String> row = new LinkedHashMap<>();
        for (String column : header) {
            row.put(column, cells.getOrDefault(column, ""));
        }
        rows.add(row);
    }

    /**
     * Replaces every row matching {@code which} with what {@code change} makes of a copy of it (null removes
     * the row) and returns how many rows matched.
     */
    public int replace(Predicate<Map<String, String>> which, Function<Map<String, String>, Map<String, String>> change) {
        int matched = 0;
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (which.test(rows.get(i))) {
                matched++;
                Map<String, String> changed = change.apply(new LinkedHashMap<>(rows.get(i)));
                if (changed == null) {
                    rows.remove(i);
                } else {
                    rows.set(i, changed);
                }
            }
        }
        return matched;
    }

    /** Writes the table to {@code file} (LF line ends). */
    public void write(Path file) throws IOException {
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        for (Map<String, String> row : rows) {
            List<String> cells = new ArrayList<>(header.size());
            for (String column : header) {
                String cell = row.getOrDefault(column, "");
                if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                    throw new IllegalArgumentException("cell needs quoting, which this editor does not do: " + cell);
                }
                cells.add(cell);
            }
            text.append(String.join(",", cells)).append('\n');
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
