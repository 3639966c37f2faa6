package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.onnx.ModelFolder;
import dev.aipcbench.harness.model.onnx.OnnxGraphBuilder;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.runtime.SessionSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A decoder model's {@code MatMulNBits} nodes alone, in graph order, chained in one ONNX Runtime session: each
 * node is fed the previous one's output cut to its K (a Slice: qkv's 3 x hidden to hidden, gate_up's 2 x
 * intermediate to intermediate) or zero-padded to it (a Pad), and the first one a one-token activation. The
 * weights are the model's own initializers, read from its external data file in place, so one run is the weight
 * matmuls of one decode step and nothing else: the floor the suite's decode loop is measured against.
 */
public final class MatMulNBitsChain implements AutoCloseable {
    private static final String INPUT = "aipc_bench.chain_input";

    private final OrtSession session;
    private final OrtSession.SessionOptions options;
    private final OnnxTensor input;
    private final String output;
    private final int nodes;
    private final long weightBytes;

    private MatMulNBitsChain(OrtSession session, OrtSession.SessionOptions options, OnnxTensor input, String output,
                             int nodes, long weightBytes) {
        this.session = session;
        this.options = options;
        this.input = input;
        this.output = output;
        this.nodes = nodes;
        this.weightBytes = weightBytes;
    }

    /** The chain of {@code model}'s MatMulNBits, on the CPU with {@code settings}' threads and optimization level. */
    public static MatMulNBitsChain open(ModelFolder model, SessionSettings settings) {
        Graph g = Graph.of(model);
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        OnnxTensor input = null;
        try {
            OrtSessionOptions.apply(options, settings);
            options.addConfigEntry(GreedyHead.EXTERNAL_FOLDER_KEY, model.modelFile().toAbsolutePath().getParent().toString());
            session = OrtEnvironments.get().createSession(g.model.toByteArray(), options);
            int bytes = g.firstK * (g.half ? 2 : 4);
            ByteBuffer activation = ByteBuffer.allocateDirect(bytes).order(ByteOrder.nativeOrder());
            for (int i = 0; i < g.firstK; i++) {
                // a small, non-zero activation: what a normalised hidden state looks like to the kernel
                float v = 0.01f * ((i % 7) - 3);
                if (g.half) {
                    activation.putShort(i * 2, Fp16Conversions.floatToFp16(v));
                } else {
                    activation.putFloat(i * 4, v);
                }
            }
            input = g.half
                    ? OnnxTensor.createTensor(OrtEnvironments.get(), activation.asShortBuffer(), new long[] {1, g.firstK},
                    OnnxJavaType.FLOAT16)
                    : OnnxTensor.createTensor(OrtEnvironments.get(), activation.asFloatBuffer(), new long[] {1, g.firstK});
            return new MatMulNBitsChain(session, options, input, g.output, g.nodes, g.weightBytes);
        } catch (OrtException | RuntimeException e) {
            if (input != null) {
                input.close();
            }
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException ignored) {
                    // the open already failed; its error is the one to report
                }
            }
            options.close();
            if (e instanceof OrtException) {
                throw new ModelFormatException(model.modelFile(), "ONNX Runtime cannot run its MatMulNBits chain: " + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    /** Runs the chain once and returns the nanoseconds ONNX Runtime's call took. */
    public long run() {
        long t0 = System.nanoTime();
        try (OrtSession.Result r = session.run(Map.of(INPUT, input), Set.of(output))) {
            return System.nanoTime() - t0;
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed running the MatMulNBits chain: " + e.getMessage(), e);
        }
    }

    /** MatMulNBits nodes in the chain (the model's count). */
    public int nodes() {
        return nodes;
    }

    /** Bytes of the chain's initializers (codes, scales, zero points): what one run reads. */
    public long weightBytes() {
        return weightBytes;
    }

    @Override
    public void close() {
        input.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException("closing the MatMulNBits chain's session failed: " + e.getMessage(), e);
        } finally {
            options.close();
        }
    }

    /** The chain's graph, built from the model's MatMulNBits nodes and their initializers. */
    static final class Graph {
        final ModelProto model;
        final int firstK;
        final boolean half;
        final String output;
        final int nodes;
        final long weightBytes;

        private Graph(ModelProto model, int firstK, boolean half, String output, int nodes, long weightBytes) {
            this.model = model;
            this.firstK = firstK;
            this.half = half;
            this.output = output;
            this.nodes = nodes;
            this.weightBytes = weightBytes;
        }

        static Graph of(ModelFolder folder) {
            try (OnnxModelFile f = OnnxModelFile.open(folder.modelFile())) {
                List<NodeProto> matmuls = new ArrayList<>();
                for (NodeProto n : f.proto().getGraph().getNodeList()) {
                    if (n.getOpType().equals("MatMulNBits")) {
                        matmuls.add(n);
                    }
                }
                if (matmuls.isEmpty()) {
                    throw new ModelFormatException(folder.modelFile(), "has no MatMulNBits node (not a quantised model)");
                }
                return build(f, matmuls);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Graph build(OnnxModelFile f, List<NodeProto> matmuls) {
            OnnxGraphBuilder g = new OnnxGraphBuilder("matmulnbits_chain");
            TensorProto scales = f.initializer(matmuls.get(0).getInput(2));
            boolean half = scales.getDataType() == TensorProto.DataType.FLOAT16_VALUE;
            TensorProto.DataType io = half ? TensorProto.DataType.FLOAT16 : TensorProto.DataType.FLOAT;
            int firstK = (int) attr(matmuls.get(0), "K");
            g.input(INPUT, io, 1, firstK);
            Set<String> added = new LinkedHashSet<>();
            long bytes = 0;
            String previous = INPUT;
            long width = firstK;
            for (int i = 0; i < matmuls.size(); i++) {
                NodeProto n = matmuls.get(i);
                long k = attr(n, "K");
                String fed = fit(g, previous, width, k, "/chain/" + i);
                for (int j = 1; j < n.getInputCount(); j++) {
                    String name = n.getInput(j);
                    if (!name.isEmpty() && added.add(name)) {
                        TensorProto t = f.initializer(name);
                        g.initializer(t);
                        bytes += OnnxModelFile.elementCount(t) * elementBytes(t);
                    }
                }
                NodeProto.Builder node = n.toBuilder().setName("/chain/" + i + "/MatMulNBits").setInput(0, fed)
                        .clearOutput().addOutput("/chain/" + i + "/output_0");
                g.node(node.build());
                previous = "/chain/" + i + "/output_0";
                width = attr(n, "N");
            }
            g.output(previous, io, 1, (int) width);
            return new Graph(g.build("aipc-bench", "matmulnbits chain"), firstK, half, previous, matmuls.size(), bytes);
        }

        /** {@code name} (width {@code width}) cut or zero-padded to {@code k} columns. */
        private static String fit(OnnxGraphBuilder g, String name, long width, long k, String prefix) {
            if (width == k) {
                return name;
            }
            if (width > k) {
                return g.node("Slice", prefix + "/Slice")
                        .inputs(name, g.int64Constant(prefix + "/starts", new long[] {0}, false),
                                g.int64Constant(prefix + "/ends", new long[] {k}, false),
                                g.int64Constant(prefix + "/axes", new long[] {1}, false))
                        .outputs(prefix + "/Slice/output_0").add();
            }
            return g.node("Pad", prefix + "/Pad")
                    .inputs(name, g.int64Constant(prefix + "/pads", new long[] {0, 0, 0, k - width}, false))
                    .outputs(prefix + "/Pad/output_0").add();
        }

        private static long attr(NodeProto n, String name) {
            for (AttributeProto a : n.getAttributeList()) {
                if (a.getName().equals(name)) {
                    return a.getI();
                }
            }
            throw new IllegalArgumentException("MatMulNBits node " + n.getName() + " has no attribute " + name);
        }

        private static int elementBytes(TensorProto t) {
            switch (t.getDataType()) {
                case TensorProto.DataType.FLOAT_VALUE: return 4;
                case TensorProto.DataType.FLOAT16_VALUE: return 2;
                case TensorProto.DataType.INT32_VALUE: return 4;
                case TensorProto.DataType.INT64_VALUE: return 8;
                default: return 1;
            }
        }
    }
}
