package dev.aipcbench.harness.model.onnx;

import ai.onnx.proto.OnnxMl.AttributeProto;
import ai.onnx.proto.OnnxMl.GraphProto;
import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.OperatorSetIdProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnx.proto.OnnxMl.TensorShapeProto;
import ai.onnx.proto.OnnxMl.TypeProto;
import ai.onnx.proto.OnnxMl.ValueInfoProto;

import java.util.Arrays;

/**
 * A thin fluent layer over the ONNX protobuf classes (from {@code tribuo-util-onnx}) for writing
 * graphs that use {@code com.microsoft} contrib operators, which Tribuo's own operator enum lacks.
 */
public final class OnnxGraphBuilder {
    /** Opset of the default domain; the one onnxruntime-genai's model builder writes. */
    public static final int ONNX_OPSET = 21;
    /** IR version matching {@link #ONNX_OPSET}. */
    public static final int IR_VERSION = 10;
    public static final String MS_DOMAIN = "com.microsoft";

    private final GraphProto.Builder graph = GraphProto.newBuilder();

    public OnnxGraphBuilder(String name) {
        graph.setName(name);
    }

    /** Adds a graph input; each dim is an Integer (fixed) or a String (symbolic). */
    public void input(String name, TensorProto.DataType type, Object... dims) {
        graph.addInput(valueInfo(name, type, dims));
    }

    public void output(String name, TensorProto.DataType type, Object... dims) {
        graph.addOutput(valueInfo(name, type, dims));
    }

    public void initializer(TensorProto tensor) {
        graph.addInitializer(tensor);
    }

    /** A scalar or 1-D int64 constant stored inline. */
    public String int64Constant(String name, long[] values, boolean scalar) {
        TensorProto.Builder t = TensorProto.newBuilder().setName(name).setDataType(TensorProto.DataType.INT64.getNumber());
        if (!scalar) {
            t.addDims(values.length);
        }
        for (long v : values) {
            t.addInt64Data(v);
        }
        graph.addInitializer(t);
        return name;
    }

    public Node node(String opType, String name) {
        return new Node(opType, name);
    }

    /** Adds a node built elsewhere (one taken from another model). */
    public void node(NodeProto node) {
        graph.addNode(node);
    }

    public ModelProto build(String producer, String producerVersion) {
        return ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .setProducerName(producer)
                .setProducerVersion(producerVersion)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(ONNX_OPSET))
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain(MS_DOMAIN).setVersion(1))
                .setGraph(graph)
                .build();
    }

    private static ValueInfoProto valueInfo(String name, TensorProto.DataType type, Object... dims) {
        TensorShapeProto.Builder shape = TensorShapeProto.newBuilder();
        for (Object d : dims) {
            if (d instanceof Integer || d instanceof Long) {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimValue(((Number) d).longValue()));
            } else if (d instanceof String) {
                shape.addDim(TensorShapeProto.Dimension.newBuilder().setDimParam((String) d));
            } else {
                throw new IllegalArgumentException("dimension must be a number or a name: " + d);
            }
        }
        TypeProto.Tensor tensorType = TypeProto.Tensor.newBuilder().setElemType(type.getNumber()).setShape(shape).build();
        return ValueInfoProto.newBuilder().setName(name).setType(TypeProto.newBuilder().setTensorType(tensorType)).build();
    }

    /** One node under construction; {@link #add()} puts it into the graph. */
    public final class Node {
        private final NodeProto.Builder node;

        private Node(String opType, String name) {
            node = NodeProto.newBuilder().setOpType(opType).setName(name);
        }

        public Node domain(String domain) {
            node.setDomain(domain);
            return this;
        }

        /** Inputs in order; an empty string skips an optional input. */
        public Node inputs(String... names) {
            node.addAllInput(Arrays.asList(names));
            return this;
        }

        public Node outputs(String... names) {
            node.addAllOutput(Arrays.asList(names));
            return this;
        }

        public Node attr(String name, long value) {
            node.addAttribute(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INT).setI(value));
            return this;
        }

        public Node attr(String name, float value) {
            node.addAttribute(AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.FLOAT).setF(value));
            return this;
        }

        public Node attr(String name, long[] values) {
            AttributeProto.Builder a = AttributeProto.newBuilder().setName(name).setType(AttributeProto.AttributeType.INTS);
            for (long v : values) {
                a.addInts(v);
            }
            node.addAttribute(a);
            return this;
        }

        /** Adds the node and returns its first output's name. */
        public String add() {
            graph.addNode(node);
            return node.getOutput(0);
        }
    }
}
