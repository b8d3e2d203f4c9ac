package dev.trainer.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The returns file of {@code bin/trainer stats pbo}: a header of trial names, then one row per period (oldest first),
 * one column per trial, per-period returns as fractions. Comma-separated, UTF-8; blank lines are skipped; names may be
 * wrapped in double quotes. Every error names the line (1 = the header).
 */
final class ReturnsCsv {

    /** A file that cannot be used, with a message for the user. */
    static final class Unusable extends Exception {
        Unusable(String message) {
            super(message);
        }
    }

    record Table(List<String> trialNames, double[][] returnsByPeriod) {
    }

    private ReturnsCsv() {
    }

    static Table read(Path file) throws Unusable {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> names = null;
            List<double[]> rows = new ArrayList<>();
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (names == null) {
                    names = header(file, lineNumber, line);
                } else {
                    rows.add(row(file, lineNumber, line, names));
                }
            }
            if (names == null) {
                throw new Unusable(file + ": empty; expected a header of trial names, then one row of returns per period");
            }
            return new Table(names, rows.toArray(new double[0][]));
        } catch (NoSuchFileException e) {
            throw new Unusable("no such file: " + file);
        } catch (IOException e) {
            throw new Unusable("cannot read " + file + ": " + e);
        }
    }

    private static List<String> header(Path file, int lineNumber, String line) throws Unusable {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String cell : line.split(",", -1)) {
            String name = cell.trim();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).trim();
            }
            if (name.isEmpty()) {
                throw new Unusable(file + " line " + lineNumber + ": trial name " + (names.size() + 1) + " of the header is empty");
            }
            if (!seen.add(name)) {
                throw new Unusable(file + " line " + lineNumber + ": the header names trial " + name + " twice");
            }
            names.add(name);
        }
        return names;
    }

    private static double[] row(Path file, int lineNumber, String line, List<String> names) throws Unusable {
        String[] cells = line.split(",", -1);
        if (cells.length != names.size()) {
            throw new Unusable(file + " line " + lineNumber + ": " + cells.length + " values, expected " + names.size()
                    + " (one per trial in the header)");
        }
        double[] values = new double[cells.length];
        for (int j = 0; j < cells.length; j++) {
            String text = cells[j].trim();
            try {
                values[j] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new Unusable(file + " line " + lineNumber + ", trial " + names.get(j) + ": not a number: '" + text + "'");
            }
            if (!Double.isFinite(values[j])) {
                throw new Unusable(file + " line " + lineNumber + ", trial " + names.get(j) + ": not a finite number: '" + text
                        + "'");
            }
        }
        return values;
    }
}
