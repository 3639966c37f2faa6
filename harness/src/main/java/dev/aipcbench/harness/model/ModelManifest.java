package dev.aipcbench.harness.model;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code aipc_model.json}: how the suite made a model folder (synthetic generation or quantisation), so
 * results can say exactly what was measured. Folders from elsewhere have none. {@code format} is absent
 * in manifests written before the suite wrote formats other than onnx-genai.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelManifest(String origin, String format, String arch, String size, ModelDimensions dims, String precision,
                            Integer blockSize, Integer accuracyLevel, Long seed, String source, long parameters) {
    public static final String FILE_NAME = "aipc_model.json";
    private static final ObjectMapper JSON = Json.PRETTY;


    public ModelManifest quantized(Precision precision, int blockSize, int accuracyLevel, Path sourceFolder) {
        return new ModelManifest(origin, format, arch, size, dims, precision.id(), blockSize, accuracyLevel, seed,
                sourceFolder.toAbsolutePath().toString(), parameters);
    }

    public void write(Path folder) throws IOException {
        Files.writeString(folder.resolve(FILE_NAME), JSON.writeValueAsString(this) + "\n");
    }

    public static Optional<ModelManifest> read(Path folder) {
        Path f = folder.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(f.toFile(), ModelManifest.class));
        } catch (IOException e) {
            throw new ModelFormatException(f, "not a valid model manifest: " + e.getMessage(), e);
        }
    }
}
