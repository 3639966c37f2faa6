package dev.aipcbench.harness.runtime.openvino;

import com.sun.jna.Pointer;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.probe.ProbeGraph;
import dev.aipcbench.harness.runtime.GraphRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A characterise probe IR compiled for one OpenVINO device with the suite's compile properties (LATENCY, one
 * stream, the threads), one infer request and its input bound once over the suite's buffer.
 */
final class OvBareGraph implements GraphRuntime.BareGraph {
    /** Activations small enough that no f16 product overflows, the same in every run. */
    private static final float ACTIVATION = 0.01f;

    private final OpenVinoCore core;
    private final OvCompiledModel model;
    private final Pointer request;
    private final OvTensor input;
    private final String device;

    private OvBareGraph(OpenVinoCore core, OvCompiledModel model, Pointer request, OvTensor input, String device) {
        this.core = core;
        this.model = model;
        this.request = request;
        this.input = input;
        this.device = device;
    }

    static OvBareGraph open(OpenVinoCore core, Pointer ovCore, Path folder, ProbeGraph graph, String device, SessionSettings settings,
                            int rows) {
        Path xml = folder.resolve(graph.file());
        Path bin = xml.resolveSibling(graph.file().replaceAll("\\.xml$", ".bin"));
        if (!Files.isRegularFile(xml) || !Files.isRegularFile(bin)) {
            throw new ModelFormatException(xml, "not found with its .bin (a characterise probe IR the suite writes)");
        }
        OvCompiledModel model = OvCompiledModel.compile(core, ovCore, xml, bin, device, OpenVinoSession.compileProperties(settings, device));
        Pointer request = null;
        OvTensor input = null;
        try {
            request = model.newRequest();
            if (graph.input() != null) {
                ByteBuffer b = OvTensor.allocate(4L * rows * graph.k());
                for (int i = 0; i < rows * graph.k(); i++) {
                    b.putFloat(4 * i, ACTIVATION);
                }
                input = OvTensor.over(core, OvCoreLibrary.ELEMENT_F32, new long[] {rows, graph.k()}, b);
                core.check(core.library().ov_infer_request_set_input_tensor_by_index(request, 0, input.handle()), "set " + graph.input());
            }
            return new OvBareGraph(core, model, request, input, device);
        } catch (RuntimeException e) {
            if (input != null) {
                input.close();
            }
            if (request != null) {
                core.library().ov_infer_request_free(request);
            }
            model.close();
            throw e;
        }
    }

    @Override
    public void run() {
        core.check(core.library().ov_infer_request_infer(request), "ov_infer_request_infer");
    }

    @Override
    public String provider() {
        return device;
    }

    @Override
    public void close() {
        core.library().ov_infer_request_free(request);
        if (input != null) {
            input.close();
        }
        model.close();
    }
}
