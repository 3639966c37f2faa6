package dev.aipcbench.harness.runtime.openvinogenai;

import com.sun.jna.Callback;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;

/**
 * OpenVINO GenAI's {@code streamer_callback}: a function pointer and its argument, passed by pointer to
 * {@code ov_genai_llm_pipeline_generate}, which calls it with each piece of decoded text as it is
 * produced. The callback must stay reachable while the pipeline may call it, so a session keeps its
 * streamer in a field.
 */
@Structure.FieldOrder({"callback_func", "args"})
public class OvStreamer extends Structure {
    /** {@code OV_GENAI_STREAMING_STATUS_RUNNING}: continue generating. */
    public static final int RUNNING = 0;

    /** {@code ov_genai_streaming_status_e (*)(const char* str, void* args)}; text is UTF-8. */
    public interface TextCallback extends Callback {
        int invoke(Pointer text, Pointer args);
    }

    public TextCallback callback_func;
    public Pointer args;

    public OvStreamer(TextCallback callback) {
        this.callback_func = callback;
        this.args = null;
        write();
    }
}
