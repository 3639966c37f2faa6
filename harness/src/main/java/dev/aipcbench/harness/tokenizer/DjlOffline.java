package dev.aipcbench.harness.tokenizer;

/**
 * Keeps DJL off the network. DJL reads {@code DJL_OFFLINE} (environment) or {@code ai.djl.offline}
 * (system property); when it is not offline it sends a telemetry request for each tokenizer it creates
 * and, where it detects CUDA, downloads a CUDA build of its native tokenizers library rather than
 * extracting the CPU build its jar carries. A benchmark must never do either, so unless the user chose
 * a setting, offline it is. Must run before the first DJL tokenizer is created.
 */
final class DjlOffline {

    static final String PROPERTY = "ai.djl.offline";
    static final String ENVIRONMENT = "DJL_OFFLINE";

    private DjlOffline() {
    }

    static void ensure() {
        if (System.getenv(ENVIRONMENT) == null && System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "true");
        }
    }
}
