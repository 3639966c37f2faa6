package dev.aipcbench.harness.model.reference;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.onnx.OnnxModelFile;
import dev.aipcbench.harness.model.quantize.BlockQuantizer;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * The weights of a suite-written Phi-3 model as plain float arrays: float initializers converted from
 * fp32/fp16, and MatMulNBits weights dequantised exactly as the operator defines it
 * ({@code (code - zero_point) * scale} per block), so the reference computes with the very values
 * ONNX Runtime sees.
 */
final class ReferenceWeights {
    private final OnnxModelFile file;
    private final Map<String, NodeProto> nbitsByWeight = new HashMap<>();

    ReferenceWeights(OnnxModelFile file) {
        this.file = file;
        for (NodeProto n : file.proto().getGraph().getNodeList()) {
            if (n.getOpType().equals("MatMulNBits")) {
                nbitsByWeight.put(n.getInput(1), n);
            }
        }
    }

    float[] vector(String name) {
        return file.floats(file.initializer(name));
    }

    /** A {@code [K, N]} MatMul weight, row-major, whichever way the model stores it. */
    float[] matmul(String name, int k, int n) {
        if (file.initializers().containsKey(name)) {
            return file.floats(file.initializer(name));
        }
        for (int bits : new int[] {4, 8}) {
            String codes = name + "_Q" + bits;
            if (file.initializers().containsKey(codes)) {
                return dequantize(codes, name + "_scales", k, n);
            }
        }
        throw new ModelFormatException(file.file(), "has no weight " + name + " (float or MatMulNBits)");
    }

    private float[] dequantize(String codesName, String scalesName, int k, int n) {
        NodeProto node = nbitsByWeight.get(codesName);
        if (node == null) {
            throw new ModelFormatException(file.file(), "no MatMulNBits node uses " + codesName);
        }
        int bits = (int) attr(node, "bits");
        int block = (int) attr(node, "block_size");
        BlockQuantizer q = new BlockQuantizer(bits);
        int kBlocks = (k + block - 1) / block;
        int blob = q.blobSize(block);
        TensorProto codesProto = file.initializer(codesName);
        ByteBuffer codes = file.bytes(codesProto);
        float[] scales = file.floats(file.initializer(scalesName));
        float[] w = new float[k * n];
        byte[] packed = new byte[blob];
        for (int col = 0; col < n; col++) {
            for (int b = 0; b < kBlocks; b++) {
                int slot = col * kBlocks + b;
                codes.get(slot * blob, packed);
                float scale = scales[slot];
                for (int i = 0; i < block && b * block + i < k; i++) {
                    w[(b * block + i) * n + col] = q.dequantize(q.codeAt(packed, 0, i), scale);
                }
            }
        }
        return w;
    }

    static long attr(NodeProto node, String name) {
        for (AttributeProto a : node.getAttributeList()) {
            if (a.getName().equals(name)) {
                return a.getI();
            }
        }
        throw new IllegalStateException(node.getName() + " has no attribute " + name);
    }
}
