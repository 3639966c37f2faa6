package dev.aipcbench.reports.gate;

import dev.aipcbench.results.ResultsFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the gate writes: {@code gate.md} (for the job summary) and {@code gate.xml} (JUnit XML for the
 * CI's test view), each replaced atomically like every results file.
 */
public final class GateOutputFolder {
    public static final String GATE_MD = "gate.md";
    public static final String GATE_XML = "gate.xml";

    private final Path dir;

    public GateOutputFolder(Path dir) {
        this.dir = dir;
    }

    public Path markdown() {
        return dir.resolve(GATE_MD);
    }

    public Path junitXml() {
        return dir.resolve(GATE_XML);
    }

    /** Writes both files; an unwritable folder is an input error (exit 2), named with its path. */
    public void write(GateReport report) {
        try {
            Files.createDirectories(dir);
            ResultsFolder.writeAtomically(markdown(), GateMarkdownWriter.write(report));
            ResultsFolder.writeAtomically(junitXml(), JUnitXmlWriter.write(report));
        } catch (IOException e) {
            throw new GateInputException("--out " + dir + ": cannot write the gate's files: " + e, e);
        }
    }
}
