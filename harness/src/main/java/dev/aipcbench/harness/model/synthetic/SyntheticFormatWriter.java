package dev.aipcbench.harness.model.synthetic;

import dev.aipcbench.harness.model.Progress;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes a synthetic model's seeded weights ({@link Phi3Weights}) in one model format. One
 * implementation per format, registered in {@code model.catalog.SyntheticModels}; each writes the folder's
 * files and leaves the manifest to the generator, which writes it last (its presence marks a finished
 * model in the cache).
 */
public interface SyntheticFormatWriter {
    void write(SyntheticSpec spec, Path folder, Progress progress) throws IOException;
}
