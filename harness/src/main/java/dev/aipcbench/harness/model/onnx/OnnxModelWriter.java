package dev.aipcbench.harness.model.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.Progress;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes {@code model.onnx} and its external data {@code model.onnx.data}: the graph's inline
 * initializers stay in the proto, every pending {@link TensorContent} is streamed to the data file in
 * the map's order and appended to the graph's initializers.
 */
public final class OnnxModelWriter {
    private OnnxModelWriter() {
    }

    public static long totalBytes(Map<String, TensorContent> pending) {
        return pending.values().stream().mapToLong(TensorContent::byteLength).sum();
    }

    public static void write(Path modelFile, ModelProto skeleton, Map<String, TensorContent> pending, Progress progress)
            throws IOException {
        Path dataFile = modelFile.resolveSibling(modelFile.getFileName() + ".data");
        long total = totalBytes(pending);
        long done = 0;
        GraphProto.Builder graph = skeleton.getGraph().toBuilder();
        try (ExternalDataWriter data = new ExternalDataWriter(dataFile)) {
            for (Map.Entry<String, TensorContent> e : pending.entrySet()) {
                TensorContent c = e.getValue();
                TensorProto t = data.tensor(e.getKey(), c.type(), c.dims(), c.byteLength(), c::fill);
                graph.addInitializer(t);
                done += c.byteLength();
                progress.update(done, total);
            }
        }
        ModelProto model = skeleton.toBuilder().setGraph(graph).build();
        Path tmp = modelFile.resolveSibling(modelFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp)) {
            model.writeTo(out);
        }
        Files.move(tmp, modelFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
}
