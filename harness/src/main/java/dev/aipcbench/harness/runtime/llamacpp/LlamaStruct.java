package dev.aipcbench.harness.runtime.llamacpp;

import com.sun.jna.Structure;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A llama.cpp struct passed or returned by value, held as opaque bytes. Its fields move between
 * llama.cpp versions (fields are inserted at the front and in the middle), so the suite does not mirror
 * them: it takes the library's own defaults ({@code llama_model_default_params()} ...), changes the few
 * fields whose position it can recognise ({@link LlamaModelParams}, {@link LlamaContextParams}) and hands
 * the bytes back.
 *
 * <p>Why bytes are ABI-safe here: every such struct is larger than 16 bytes, so on x86-64 System V it
 * is returned through a hidden pointer and passed in memory, on Windows x64 and AArch64 both go through
 * a pointer to a copy. A buffer at least as large as the real struct therefore carries it unchanged
 * whatever its fields; the callee reads only its own size. (A by-value struct must be the last argument
 * on System V for the extra bytes to be harmless; it is in every function bound here.)
 */
@Structure.FieldOrder({"bytes"})
public abstract class LlamaStruct extends Structure {
    public byte[] bytes;

    protected LlamaStruct(int size) {
        bytes = new byte[size];
    }

    /** The struct's bytes in native order, for reading and changing fields (changes travel with the next call). */
    public ByteBuffer fields() {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }
}
