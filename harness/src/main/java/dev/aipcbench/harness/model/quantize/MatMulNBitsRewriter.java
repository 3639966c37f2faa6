package dev.aipcbench.harness.model.quantize;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.onnx.OnnxGraphBuilder;
import dev.aipcbench.harness.model.onnx.TensorContent;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces every float {@code MatMul} whose weight is a 2-D initializer with {@code com.microsoft.MatMulNBits}
 * (weight-only block quantisation, as onnxruntime-genai's model builder emits for int4/int8). Both
 * {@code model generate --precision int4} and {@code model quantize} go through here, which is what makes
 * their outputs identical.
 */
public final class MatMulNBitsRewriter {
    private final MatMulNBitsWeights weights;
    private final int accuracyLevel;

    /**
     * @param accuracyLevel MatMulNBits' minimum compute precision (0 unset, 1 fp32, 2 fp16, 3 bf16,
     *                      4 int8); the builder's CPU int4 models use 4.
     */
    public MatMulNBitsRewriter(int bits, int blockSize, int accuracyLevel) {
        if (accuracyLevel < 0 || accuracyLevel > 4) {
            throw new IllegalArgumentException("--accuracy-level must be 0..4, got " + accuracyLevel);
        }
        this.weights = new MatMulNBitsWeights(bits, blockSize);
        this.accuracyLevel = accuracyLevel;
    }

    /**
     * Rewrites {@code graph}'s nodes in place and returns the new pending initializers, in the order of
     * {@code pending} with each quantised weight replaced by its codes and scales.
     *
     * @return the number of MatMuls rewritten is {@code result.size() - pending.size()}
     */
    public Map<String, TensorContent> rewrite(GraphProto.Builder graph, Map<String, TensorContent> pending) {
        Map<String, FloatMatrix> quantizable = new LinkedHashMap<>();
        for (int i = 0; i < graph.getNodeCount(); i++) {
            NodeProto node = graph.getNode(i);
            if (!node.getOpType().equals("MatMul") || !node.getDomain().isEmpty() || node.getInputCount() != 2) {
                continue;
            }
            TensorContent w = pending.get(node.getInput(1));
            if (!(w instanceof FloatMatrix)) {
                continue;
            }
            FloatMatrix m = (FloatMatrix) w;
            quantizable.put(node.getInput(1), m);
            graph.setNode(i, quantizedNode(node, m));
        }
        Map<String, TensorContent> out = new LinkedHashMap<>();
        for (Map.Entry<String, TensorContent> e : pending.entrySet()) {
            FloatMatrix m = quantizable.get(e.getKey());
            if (m == null) {
                out.put(e.getKey(), e.getValue());
                continue;
            }
            Quantized q = new Quantized(m);
            out.put(codesName(e.getKey()), q.codes());
            out.put(scalesName(e.getKey()), q.scales());
        }
        return out;
    }

    public int bits() {
        return weights.quantizer().bits();
    }

    private String codesName(String weight) {
        return weight + "_Q" + bits();
    }

    private static String scalesName(String weight) {
        return weight + "_scales";
    }

    private NodeProto quantizedNode(NodeProto matmul, FloatMatrix m) {
        String name = matmul.getName().endsWith("/MatMul")
                ? matmul.getName().substring(0, matmul.getName().length() - "MatMul".length()) + "MatMulNBits"
                : matmul.getName() + "_NBits";
        return NodeProto.newBuilder()
                .setName(name)
                .setOpType("MatMulNBits")
                .setDomain(OnnxGraphBuilder.MS_DOMAIN)
                .addInput(matmul.getInput(0))
                .addInput(codesName(matmul.getInput(1)))
                .addInput(scalesName(matmul.getInput(1)))
                .addAllOutput(matmul.getOutputList())
                .addAttribute(intAttr("K", m.source().rows()))
                .addAttribute(intAttr("N", m.source().cols()))
                .addAttribute(intAttr("bits", bits()))
                .addAttribute(intAttr("block_size", weights.blockSize()))
                .addAttribute(intAttr("accuracy_level", accuracyLevel))
                .build();
    }

    private static AttributeProto intAttr(String name, long v) {
        return AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(v).build();
    }

    /**
     * One weight's codes and scales. They are written one after the other, so the first fill quantises
     * the whole matrix once into both buffers' bytes and the second copies its half: quantising twice
     * would double the cost of the largest step of generating a model.
     */
    private final class Quantized {
        private final FloatMatrix matrix;
        private final int k;
        private final int n;
        private ByteBuffer pendingScales;

        Quantized(FloatMatrix matrix) {
            this.matrix = matrix;
            this.k = matrix.source().rows();
            this.n = matrix.source().cols();
        }

        TensorContent codes() {
            return new Content(TensorProto.DataType.UINT8,
                    new long[] {n, weights.kBlocks(k), weights.quantizer().blobSize(weights.blockSize())},
                    weights.packedBytes(k, n), true);
        }

        TensorContent scales() {
            return new Content(matrix.type(), new long[] {weights.scaleCount(k, n)},
                    weights.scaleCount(k, n) * (matrix.half() ? 2 : 4), false);
        }

        private final class Content implements TensorContent {
            private final TensorProto.DataType type;
            private final long[] dims;
            private final long bytes;
            private final boolean isCodes;

            Content(TensorProto.DataType type, long[] dims, long bytes, boolean isCodes) {
                this.type = type;
                this.dims = dims;
                this.bytes = bytes;
                this.isCodes = isCodes;
            }

            @Override
            public TensorProto.DataType type() {
                return type;
            }

            @Override
            public long[] dims() {
                return dims;
            }

            @Override
            public long byteLength() {
                return bytes;
            }

            @Override
            public void fill(ByteBuffer dst) {
                if (isCodes) {
                    ByteBuffer scales = ByteBuffer.allocate((int) scales().byteLength()).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                    weights.write(matrix.source(), dst, scales, matrix.half());
                    pendingScales = scales;
                } else {
                    if (pendingScales == null) {
                        throw new IllegalStateException("scales of a MatMulNBits weight must be written after its codes");
                    }
                    dst.put(0, pendingScales, 0, pendingScales.capacity());
                    pendingScales = null;
                }
            }
        }
    }
}
