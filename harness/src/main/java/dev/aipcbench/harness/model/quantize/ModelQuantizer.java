package dev.aipcbench.harness.model.quantize;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.ModelManifest;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.model.onnx.OnnxModelWriter;
import dev.aipcbench.harness.model.onnx.TensorContent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code model quantize}: turns the float MatMul weights of any builder-style genai folder (the suite's
 * or one from Hugging Face) into MatMulNBits (RTN, symmetric, block-wise), copying the config,
 * tokenizer and every other file. The weights stream from the source's memory-mapped data to the new
 * data file one K-block band at a time.
 */
public final class ModelQuantizer {
    private ModelQuantizer() {
    }

    /** What was done, for the command's summary line. */
    public record Outcome(int matmulsQuantized, long bytesWritten) {
    }

    public static Outcome quantize(Path in, Path out, Precision precision, int blockSize, int accuracyLevel, Progress progress)
            throws IOException {
        if (!precision.isQuantized()) {
            throw new IllegalArgumentException("--precision must be int4 or int8 for quantize, got " + precision);
        }
        ModelFolder source = ModelFolder.open(in);
        if (Files.exists(out) && Files.isSameFile(in, out)) {
            throw new IllegalArgumentException("--out must differ from --in (" + out + ")");
        }
        Files.createDirectories(out);
        String modelName = source.modelFile().getFileName().toString();
        MatMulNBitsRewriter rewriter = new MatMulNBitsRewriter(precision.bits(), blockSize, accuracyLevel);
        Set<String> dataFiles = new HashSet<>();
        Outcome outcome;
        try (OnnxModelFile model = OnnxModelFile.open(source.modelFile())) {
            Set<String> matmulWeights = matmulWeights(model.proto().getGraph());
            GraphProto.Builder graph = model.proto().getGraph().toBuilder().clearInitializer();
            Map<String, TensorContent> pending = new LinkedHashMap<>();
            for (TensorProto t : model.proto().getGraph().getInitializerList()) {
                boolean external = t.getDataLocation() == TensorProto.DataLocation.EXTERNAL;
                if (external) {
                    dataFiles.add(location(t));
                }
                boolean floatMatrix = t.getDimsCount() == 2 && (t.getDataType() == TensorProto.DataType.FLOAT_VALUE
                        || t.getDataType() == TensorProto.DataType.FLOAT16_VALUE);
                if (floatMatrix && matmulWeights.contains(t.getName())) {
                    boolean half = t.getDataType() == TensorProto.DataType.FLOAT16_VALUE;
                    StoredMatrix m = new StoredMatrix(model.bytes(t), (int) t.getDims(0), (int) t.getDims(1), half);
                    pending.put(t.getName(), new FloatMatrix(m, half));
                } else if (external) {
                    pending.put(t.getName(), new StoredBytes(t, model.bytes(t)));
                } else {
                    graph.addInitializer(t);
                }
            }
            int before = pending.size();
            Map<String, TensorContent> rewritten = rewriter.rewrite(graph, pending);
            ModelProto skeleton = model.proto().toBuilder().setGraph(graph).build();
            OnnxModelWriter.write(out.resolve(modelName), skeleton, rewritten, progress);
            outcome = new Outcome(rewritten.size() - before, OnnxModelWriter.totalBytes(rewritten));
        }
        if (outcome.matmulsQuantized() == 0) {
            throw new ModelFormatException(source.modelFile(), "has no float MatMul with a 2-D weight initializer to quantize");
        }
        copyOtherFiles(in, out, modelName, dataFiles);
        if (source.manifest().isPresent()) {
            source.manifest().get().quantized(precision, blockSize, accuracyLevel, in).write(out);
        }
        return outcome;
    }

    private static Set<String> matmulWeights(GraphProto graph) {
        Set<String> names = new HashSet<>();
        for (NodeProto n : graph.getNodeList()) {
            if (n.getOpType().equals("MatMul") && n.getDomain().isEmpty() && n.getInputCount() == 2) {
                names.add(n.getInput(1));
            }
        }
        return names;
    }

    private static String location(TensorProto t) {
        for (StringStringEntryProto e : t.getExternalDataList()) {
            if (e.getKey().equals("location")) {
                return e.getValue();
            }
        }
        return "";
    }

    /** Config, tokenizer files and the like; not the model, its old data files, or the suite's manifest. */
    private static void copyOtherFiles(Path in, Path out, String modelName, Set<String> dataFiles) throws IOException {
        try (Stream<Path> files = Files.list(in)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.equals(modelName) || name.equals(modelName + ".data")
                        || dataFiles.contains(name) || name.equals(ModelManifest.FILE_NAME)) {
                    continue;
                }
                Files.copy(f, out.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
