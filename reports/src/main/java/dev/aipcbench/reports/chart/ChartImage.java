package dev.aipcbench.reports.chart;

import dev.aipcbench.results.ResultsFolder;

import java.io.IOException;
import java.nio.file.Path;

/**
 * One rendered chart: its file name under {@code charts/}, the title and caption the HTML shows
 * beside it, and the PNG bytes.
 */
public record ChartImage(String fileName, String title, String caption, byte[] png) {

    /** Writes the PNG into {@code dir} (beside, then renamed over any older one) and returns its path. */
    public Path writeTo(Path dir) throws IOException {
        Path target = dir.resolve(fileName);
        ResultsFolder.writeAtomically(target, png);
        return target;
    }
}
