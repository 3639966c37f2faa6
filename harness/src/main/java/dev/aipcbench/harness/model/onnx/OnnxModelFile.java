package dev.aipcbench.harness.model.onnx;

import ai.onnx.proto.OnnxMl.ModelProto;
import ai.onnx.proto.OnnxMl.NodeProto;
import ai.onnx.proto.OnnxMl.StringStringEntryProto;
import ai.onnx.proto.OnnxMl.TensorProto;
import ai.onnxruntime.platform.Fp16Conversions;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.aipcbench.harness.model.ModelFormatException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An ONNX model read from disk: its graph, and its initializers' bytes whether they are stored inline
 * or in external data files (memory-mapped, read-only). Used by the quantizer and the reference
 * forward pass; ONNX Runtime loads models itself.
 */
public final class OnnxModelFile implements Closeable {
    private final Path file;
    private final ModelProto model;
    private final Map<String, TensorProto> initializers = new LinkedHashMap<>();
    private final Map<String, FileChannel> dataFiles = new HashMap<>();

    private OnnxModelFile(Path file, ModelProto model) {
        this.file = file;
        this.model = model;
        for (TensorProto t : model.getGraph().getInitializerList()) {
            initializers.put(t.getName(), t);
        }
    }

    /** Parses the model; a missing, empty or truncated file fails naming the file. */
    public static OnnxModelFile open(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            if (Files.size(file) == 0) {
                throw new ModelFormatException(file, "is empty (expected an ONNX model)");
            }
            CodedInputStream coded = CodedInputStream.newInstance(in);
            coded.setSizeLimit(Integer.MAX_VALUE);
            coded.setRecursionLimit(256);
            ModelProto model = ModelProto.parseFrom(coded);
            if (!model.hasGraph() || model.getGraph().getNodeCount() == 0) {
                throw new ModelFormatException(file, "holds no graph (truncated, or not an ONNX model)");
            }
            return new OnnxModelFile(file, model);
        } catch (NoSuchFileException e) {
            throw new ModelFormatException(file, "not found");
        } catch (InvalidProtocolBufferException e) {
            throw new ModelFormatException(file, "is truncated or not an ONNX model (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ModelFormatException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public ModelProto proto() {
        return model;
    }

    public Map<String, TensorProto> initializers() {
        return initializers;
    }

    public TensorProto initializer(String name) {
        TensorProto t = initializers.get(name);
        if (t == null) {
            throw new ModelFormatException(file, "has no initializer named " + name);
        }
        return t;
    }

    /** Operator types used in the graph, as {@code domain:op} for non-default domains. */
    public Set<String> operatorTypes() {
        Set<String> ops = new TreeSet<>();
        for (NodeProto n : model.getGraph().getNodeList()) {
            ops.add(n.getDomain().isEmpty() ? n.getOpType() : n.getDomain() + ":" + n.getOpType());
        }
        return ops;
    }

    public static long elementCount(TensorProto t) {
        long n = 1;
        for (long d : t.getDimsList()) {
            n *= d;
        }
        return n;
    }

    /** The raw little-endian bytes of an initializer (inline raw_data, or a mapped external region). */
    public ByteBuffer bytes(TensorProto t) {
        if (t.getDataLocation() == TensorProto.DataLocation.EXTERNAL) {
            String location = null;
            long offset = 0;
            long length = -1;
            for (StringStringEntryProto e : t.getExternalDataList()) {
                switch (e.getKey()) {
                    case "location": location = e.getValue(); break;
                    case "offset": offset = Long.parseLong(e.getValue()); break;
                    case "length": length = Long.parseLong(e.getValue()); break;
                    default: break;
                }
            }
            if (location == null) {
                throw new ModelFormatException(file, "initializer " + t.getName() + " is external but names no location");
            }
            Path data = file.resolveSibling(location);
            try {
                FileChannel ch = dataFiles.get(location);
                if (ch == null) {
                    ch = FileChannel.open(data, StandardOpenOption.READ);
                    dataFiles.put(location, ch);
                }
                if (length < 0) {
                    length = ch.size() - offset;
                }
                if (offset + length > ch.size()) {
                    throw new ModelFormatException(data, "initializer " + t.getName() + " needs bytes " + offset + ".."
                            + (offset + length) + " but the file has " + ch.size() + " (truncated?)");
                }
                return ch.map(FileChannel.MapMode.READ_ONLY, offset, length).order(ByteOrder.LITTLE_ENDIAN);
            } catch (NoSuchFileException e) {
                throw new ModelFormatException(data, "not found (external data of " + t.getName() + ")");
            } catch (IOException e) {
                throw new ModelFormatException(data, "cannot be read: " + e.getMessage(), e);
            }
        }
        if (!t.getRawData().isEmpty()) {
            return t.getRawData().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
        }
        // Typed repeated fields: convert to the raw layout so callers see one representation.
        int type = t.getDataType();
        if (type == TensorProto.DataType.FLOAT_VALUE) {
            ByteBuffer b = ByteBuffer.allocate(t.getFloatDataCount() * 4).order(ByteOrder.LITTLE_ENDIAN);
            t.getFloatDataList().forEach(b::putFloat);
            return b.flip();
        }
        if (type == TensorProto.DataType.INT64_VALUE) {
            ByteBuffer b = ByteBuffer.allocate(t.getInt64DataCount() * 8).order(ByteOrder.LITTLE_ENDIAN);
            t.getInt64DataList().forEach(b::putLong);
            return b.flip();
        }
        if (type == TensorProto.DataType.FLOAT16_VALUE || type == TensorProto.DataType.INT32_VALUE
                || type == TensorProto.DataType.UINT8_VALUE) {
            int width = type == TensorProto.DataType.INT32_VALUE ? 4 : type == TensorProto.DataType.FLOAT16_VALUE ? 2 : 1;
            ByteBuffer b = ByteBuffer.allocate(t.getInt32DataCount() * width).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : t.getInt32DataList()) {
                if (width == 4) {
                    b.putInt(v);
                } else if (width == 2) {
                    b.putShort((short) v);
                } else {
                    b.put((byte) v);
                }
            }
            return b.flip();
        }
        throw new ModelFormatException(file, "initializer " + t.getName() + " has unsupported data type " + type);
    }

    /** An fp32 or fp16 initializer as floats (small tensors only: it is copied to the heap). */
    public float[] floats(TensorProto t) {
        ByteBuffer b = bytes(t);
        long count = elementCount(t);
        if (count > Integer.MAX_VALUE) {
            throw new ModelFormatException(file, "initializer " + t.getName() + " is too large to copy");
        }
        float[] out = new float[(int) count];
        if (t.getDataType() == TensorProto.DataType.FLOAT_VALUE) {
            b.asFloatBuffer().get(out);
        } else if (t.getDataType() == TensorProto.DataType.FLOAT16_VALUE) {
            for (int i = 0; i < out.length; i++) {
                out[i] = Fp16Conversions.fp16ToFloat(b.getShort(2 * i));
            }
        } else {
            throw new ModelFormatException(file, "initializer " + t.getName() + " is not fp32/fp16 (type " + t.getDataType() + ")");
        }
        return out;
    }

    @Override
    public void close() throws IOException {
        for (FileChannel ch : dataFiles.values()) {
            ch.close();
        }
        dataFiles.clear();
    }
}
