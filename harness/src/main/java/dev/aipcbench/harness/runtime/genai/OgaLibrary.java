package dev.aipcbench.harness.runtime.genai;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.ByteByReference;
import com.sun.jna.ptr.DoubleByReference;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.LongByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of onnxruntime-genai's C API ({@code ort_genai_c.h}) the suite uses, bound with JNA. Every
 * function that can fail returns an {@code OgaResult*}: null on success, else an error read with
 * {@code OgaResultGetError} and freed with {@code OgaDestroyResult}. {@code size_t} is mapped to
 * {@code long} (64-bit hosts only) and C {@code bool} returns to {@code byte} (only the low byte is
 * defined by the ABI).
 */
public interface OgaLibrary extends Library {
    String OgaResultGetError(Pointer result);

    void OgaDestroyResult(Pointer result);

    void OgaDestroyString(Pointer string);

    Pointer OgaCreateConfig(String configPath, PointerByReference out);

    Pointer OgaConfigClearProviders(Pointer config);

    Pointer OgaConfigAppendProvider(Pointer config, String provider);

    Pointer OgaConfigSetProviderOption(Pointer config, String provider, String key, String value);

    Pointer OgaConfigOverlay(Pointer config, String json);

    void OgaDestroyConfig(Pointer config);

    Pointer OgaCreateModelFromConfig(Pointer config, PointerByReference out);

    Pointer OgaModelGetDeviceType(Pointer model, PointerByReference out);

    void OgaDestroyModel(Pointer model);

    Pointer OgaCreateGeneratorParams(Pointer model, PointerByReference out);

    Pointer OgaGeneratorParamsSetSearchNumber(Pointer params, String name, double value);

    Pointer OgaGeneratorParamsSetSearchBool(Pointer params, String name, boolean value);

    /** Optional (newer builds): the search options as the library holds them. */
    Pointer OgaGeneratorParamsGetSearchNumber(Pointer params, String name, DoubleByReference value);

    /** Optional (newer builds); C {@code bool*}: one byte. */
    Pointer OgaGeneratorParamsGetSearchBool(Pointer params, String name, ByteByReference value);

    void OgaDestroyGeneratorParams(Pointer params);

    Pointer OgaCreateGenerator(Pointer model, Pointer params, PointerByReference out);

    void OgaDestroyGenerator(Pointer generator);

    byte OgaGenerator_IsDone(Pointer generator);

    Pointer OgaGenerator_AppendTokens(Pointer generator, Pointer inputIds, long count);

    Pointer OgaGenerator_GenerateNextToken(Pointer generator);

    /** {@code out} receives a {@code const int32_t*}, {@code outCount} a {@code size_t}: both are 8-byte buffers here. */
    Pointer OgaGenerator_GetNextTokens(Pointer generator, Pointer out, Pointer outCount);

    Pointer OgaGenerator_RewindTo(Pointer generator, long newLength);

    long OgaGenerator_GetSequenceCount(Pointer generator, long index);

    Pointer OgaGenerator_GetLogits(Pointer generator, PointerByReference out);

    Pointer OgaTensorGetType(Pointer tensor, IntByReference out);

    Pointer OgaTensorGetShapeRank(Pointer tensor, LongByReference out);

    Pointer OgaTensorGetShape(Pointer tensor, long[] shapeDims, long shapeDimsCount);

    Pointer OgaTensorGetData(Pointer tensor, PointerByReference out);

    void OgaDestroyTensor(Pointer tensor);
}
