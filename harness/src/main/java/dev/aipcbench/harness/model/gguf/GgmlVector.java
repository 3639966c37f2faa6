package dev.aipcbench.harness.model.gguf;

import java.nio.ByteBuffer;

/** A 1-D F32 GGUF tensor (norm gains): llama.cpp keeps these in F32 whatever the weights' type. */
public final class GgmlVector implements GgufTensor {
    private final String name;
    private final float[] values;

    public GgmlVector(String name, float[] values) {
        this.name = name;
        this.values = values;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public GgmlType type() {
        return GgmlType.F32;
    }

    @Override
    public long[] dims() {
        return new long[] {values.length};
    }

    @Override
    public void fill(ByteBuffer dst) {
        GgmlType.F32.encode(values, 0, 1, values.length, dst, 0);
    }
}
