package dev.aipcbench.harness.runtime.genai;

/** An onnxruntime-genai C API call returned an error; the message names the call and quotes the library. */
public class OgaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String call;

    public OgaException(String call, String libraryMessage) {
        super("onnxruntime-genai " + call + " failed: " + (libraryMessage == null || libraryMessage.isBlank()
                ? "(no message)" : libraryMessage.strip()));
        this.call = call;
    }

    /** The C function that failed, e.g. {@code OgaCreateModelFromConfig}. */
    public String call() {
        return call;
    }
}
