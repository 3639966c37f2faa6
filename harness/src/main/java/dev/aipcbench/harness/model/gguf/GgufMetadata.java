package dev.aipcbench.harness.model.gguf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The key/value section of a GGUF v3 file, encoded as keys are added (little-endian; strings as a
 * {@code uint64} byte length and UTF-8 bytes; each value preceded by its {@code gguf_type}; arrays by
 * their element type and count). Keys are unique.
 */
public final class GgufMetadata {
    private static final int UINT32 = 4;
    private static final int INT32 = 5;
    private static final int FLOAT32 = 6;
    private static final int BOOL = 7;
    private static final int STRING = 8;
    private static final int ARRAY = 9;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Set<String> keys = new LinkedHashSet<>();

    public GgufMetadata putString(String key, String value) {
        key(key, STRING);
        string(value);
        return this;
    }

    public GgufMetadata putUint32(String key, long value) {
        if (value < 0 || value > 0xFFFFFFFFL) {
            throw new IllegalArgumentException(key + " = " + value + " does not fit a uint32");
        }
        key(key, UINT32);
        int32((int) value);
        return this;
    }

    public GgufMetadata putFloat32(String key, double value) {
        key(key, FLOAT32);
        int32(Float.floatToRawIntBits((float) value));
        return this;
    }

    public GgufMetadata putBool(String key, boolean value) {
        key(key, BOOL);
        bytes.write(value ? 1 : 0);
        return this;
    }

    public GgufMetadata putStrings(String key, List<String> values) {
        key(key, ARRAY);
        int32(STRING);
        int64(values.size());
        values.forEach(this::string);
        return this;
    }

    public GgufMetadata putFloat32s(String key, float[] values) {
        key(key, ARRAY);
        int32(FLOAT32);
        int64(values.length);
        for (float v : values) {
            int32(Float.floatToRawIntBits(v));
        }
        return this;
    }

    public GgufMetadata putInt32s(String key, int[] values) {
        key(key, ARRAY);
        int32(INT32);
        int64(values.length);
        for (int v : values) {
            int32(v);
        }
        return this;
    }

    int count() {
        return keys.size();
    }

    byte[] encoded() {
        return bytes.toByteArray();
    }

    private void key(String key, int type) {
        if (!keys.add(key)) {
            throw new IllegalArgumentException("GGUF metadata key " + key + " given twice");
        }
        string(key);
        int32(type);
    }

    private void string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        int64(utf8.length);
        bytes.writeBytes(utf8);
    }

    private void int32(int v) {
        bytes.write(v);
        bytes.write(v >>> 8);
        bytes.write(v >>> 16);
        bytes.write(v >>> 24);
    }

    private void int64(long v) {
        int32((int) v);
        int32((int) (v >>> 32));
    }
}
