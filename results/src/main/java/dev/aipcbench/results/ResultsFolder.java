package dev.aipcbench.results;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A results folder: {@code results.json} (the suite's schema), {@code results.csv} (one row per cell x
 * metric) and {@code jmh.json} (JMH's own format), each replaced atomically (written beside, then
 * renamed), so readers and a killed run only ever see complete files.
 */
public final class ResultsFolder {
    public static final String RESULTS_JSON = "results.json";
    public static final String RESULTS_CSV = "results.csv";
    public static final String JMH_JSON = "jmh.json";

    public static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path dir;

    public ResultsFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** Writes results.json and results.csv, each atomically. */
    public void write(RunResults results) throws IOException {
        Files.createDirectories(dir);
        writeAtomically(file(RESULTS_JSON), JSON.writeValueAsString(results) + "\n");
        writeAtomically(file(RESULTS_CSV), csv(results));
    }

    /** Reads results.json of a folder (or the file itself); errors name the file and what is wrong. */
    public static RunResults read(Path folderOrFile) {
        Path f = Files.isDirectory(folderOrFile) ? folderOrFile.resolve(RESULTS_JSON) : folderOrFile;
        try {
            RunResults r = JSON.readValue(Files.readString(f), RunResults.class);
            if (r == null || r.schema() == null || !r.schema().startsWith("aipc-bench/results/")) {
                throw new IllegalArgumentException(f + ": not an aipc-bench results file (field schema must be "
                        + RunResults.SCHEMA + ")");
            }
            if (r.cells() == null) {
                throw new IllegalArgumentException(f + ": missing field cells (expected an array)");
            }
            for (int i = 0; i < r.cells().size(); i++) {
                CellResult c = r.cells().get(i);
                if (c == null) {
                    throw new IllegalArgumentException(f + ": field cells[" + i + "]: expected a cell object, found null");
                }
                if (c.id() == null || c.status() == null || c.workload() == null) {
                    String missing = c.id() == null ? "id" : c.status() == null ? "status" : "workload";
                    throw new IllegalArgumentException(f + ": field cells[" + i + "]." + missing + ": missing"
                            + (c.id() != null ? " (cell " + c.id() + ")" : ""));
                }
            }
            return r;
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(f + ": not found (expected a results folder holding " + RESULTS_JSON + ")");
        } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
            // A file cut short or not JSON at all comes wrapped with the path it was read at: it is a syntax
            // error (the file is broken), not a field of the wrong type.
            if (e.getCause() instanceof com.fasterxml.jackson.core.JsonParseException syntax) {
                throw new IllegalArgumentException(f + ": not valid results JSON: " + firstSentence(syntax.getOriginalMessage())
                        + (syntax.getLocation() != null ? " at line " + syntax.getLocation().getLineNr() : "") + " (in " + path(e) + ")");
            }
            throw new IllegalArgumentException(f + ": field " + path(e) + ": " + firstSentence(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(f + ": not valid results JSON: " + firstSentence(e.getOriginalMessage())
                    + (e.getLocation() != null ? " at line " + e.getLocation().getLineNr() : ""));
        } catch (IOException e) {
            throw new IllegalArgumentException(f + ": cannot be read: " + e.getMessage());
        }
    }

    /**
     * Writes beside the target, then renames: readers and a killed run only ever see a whole file. When the
     * write fails (a full disk) the temporary file goes, the target keeps its last whole content, and the
     * error names the file.
     */
    public static void writeAtomically(Path target, String content) throws IOException {
        writeAtomically(target, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@link #writeAtomically(Path, String)} for bytes. */
    public static void writeAtomically(Path target, byte[] content) throws IOException {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try {
            Files.write(tmp, content);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("cannot write " + target + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage().replace(tmp.toString() + ": ", "").replace(tmp.toString(), "")), e);
        }
    }

    /** "cells[2].workload.kind" from Jackson's reference path. */
    private static String path(com.fasterxml.jackson.databind.JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (com.fasterxml.jackson.databind.JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? "(top level)" : sb.toString();
    }

    /** Jackson's message up to its first period or newline, without the "[Source: ...]" tail. */
    private static String firstSentence(String m) {
        if (m == null) {
            return "";
        }
        int cut = m.indexOf('\n');
        String s = cut < 0 ? m : m.substring(0, cut);
        int source = s.indexOf(" [Source");
        return (source < 0 ? s : s.substring(0, source)).strip();
    }

    static String csv(RunResults results) throws IOException {
        StringBuilder sb = new StringBuilder();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(ResultColumns.csvHeader().toArray(new String[0])).get();
        Ceilings ceilings = Ceilings.of(results.cells());
        try (CSVPrinter p = new CSVPrinter(sb, format)) {
            for (CellResult c : results.cells()) {
                for (List<Object> row : ResultColumns.csvRows(c, ceilings)) {
                    p.printRecord(row);
                }
            }
        }
        return sb.toString();
    }
}
