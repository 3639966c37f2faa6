package dev.aipcbench.harness.model.synthetic;

import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import dev.aipcbench.harness.model.onnx.GenaiConfig;
import dev.aipcbench.harness.model.ModelDimensions;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.Progress;
import dev.aipcbench.harness.model.onnx.OnnxModelWriter;
import dev.aipcbench.harness.model.onnx.TensorContent;
import dev.aipcbench.harness.model.quantize.MatMulNBitsRewriter;
import dev.aipcbench.harness.tokenizer.SyntheticTokenizerWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The onnxruntime-genai folder: {@code genai_config.json}, {@code model.onnx} with weights in
 * {@code model.onnx.data}, {@code tokenizer.json}; int8/int4 as MatMulNBits.
 */
public final class OnnxGenaiWriter implements SyntheticFormatWriter {
    /** The model file of the folders the suite writes. */
    public static final String MODEL_FILE = "model.onnx";

    @Override
    public void write(SyntheticSpec spec, Path out, Progress progress) throws IOException {
        ModelDimensions d = spec.dims();
        var special = SyntheticTokenizerWriter.write(out.resolve("tokenizer.json"), d.vocab());
        GenaiConfig.phi3(d, MODEL_FILE, special.bos(), special.eosIds(), special.pad()).write(out);

        Phi3Graph.Built built = new Phi3Graph(d, new Phi3Weights(d, spec.seed()), spec.precision() == Precision.FP16).build();
        ModelProto skeleton = built.skeleton();
        Map<String, TensorContent> pending = built.pending();
        if (spec.precision().isQuantized()) {
            GraphProto.Builder graph = skeleton.getGraph().toBuilder();
            pending = new MatMulNBitsRewriter(spec.precision().bits(), spec.blockSize(), spec.accuracyLevel()).rewrite(graph, pending);
            skeleton = skeleton.toBuilder().setGraph(graph).build();
        }
        OnnxModelWriter.write(out.resolve(MODEL_FILE), skeleton, pending, progress);
    }
}
