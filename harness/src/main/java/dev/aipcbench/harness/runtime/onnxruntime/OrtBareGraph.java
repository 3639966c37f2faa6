package dev.aipcbench.harness.runtime.onnxruntime;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.platform.Fp16Conversions;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.probe.ProbeGraph;
import dev.aipcbench.harness.runtime.GraphRuntime;
import dev.aipcbench.harness.runtime.SessionSettings;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Map;

/** A characterise probe graph in an ONNX Runtime session on the settings' execution provider. */
final class OrtBareGraph implements GraphRuntime.BareGraph {
    /** Activations small enough that no fp16 product overflows, the same in every run. */
    private static final float ACTIVATION = 0.01f;

    private final OrtSession.SessionOptions options;
    private final OrtSession session;
    private final Map<String, OnnxTensor> inputs;
    private final String provider;

    private OrtBareGraph(OrtSession.SessionOptions options, OrtSession session, Map<String, OnnxTensor> inputs, String provider) {
        this.options = options;
        this.session = session;
        this.inputs = inputs;
        this.provider = provider;
    }

    static OrtBareGraph open(Path folder, ProbeGraph graph, SessionSettings settings, int rows) {
        OrtEnvironment env = OrtEnvironments.get();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        OrtSession session = null;
        OnnxTensor input = null;
        try {
            OrtSessionOptions.apply(options, settings);
            if (graph.foldable()) {
                // a reduction over a constant must run, not be folded away when the session is created
                options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.NO_OPT);
            }
            String provider = OrtExecutionProviders.configure(env, options, settings.device(),
                    OrtSessionOptions.providerOnly(settings.providerOptions()),
                    settings.compileCache(), settings.intraOpThreads());
            Path file = folder.resolve(graph.file());
            try {
                session = env.createSession(file.toString(), options);
            } catch (OrtException e) {
                throw new ModelFormatException(file, "ONNX Runtime cannot load it: " + e.getMessage(), e);
            }
            if (graph.input() == null) {
                return new OrtBareGraph(options, session, Map.of(), provider);
            }
            long[] shape = {rows, graph.k()};
            int count = rows * graph.k();
            ByteBuffer b = ByteBuffer.allocateDirect(count * (graph.halfInput() ? 2 : 4)).order(ByteOrder.nativeOrder());
            for (int i = 0; i < count; i++) {
                if (graph.halfInput()) {
                    b.putShort(Fp16Conversions.floatToFp16(ACTIVATION));
                } else {
                    b.putFloat(ACTIVATION);
                }
            }
            b.rewind();
            input = OnnxTensor.createTensor(env, b, shape, graph.halfInput() ? OnnxJavaType.FLOAT16 : OnnxJavaType.FLOAT);
            return new OrtBareGraph(options, session, Map.of(graph.input(), input), provider);
        } catch (OrtException | RuntimeException e) {
            if (input != null) {
                input.close();
            }
            try {
                if (session != null) {
                    session.close();
                }
            } catch (OrtException ignored) {
                // the open failed already; its error is the one to report
            }
            options.close();
            if (e instanceof OrtException) {
                throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
            }
            throw (RuntimeException) e;
        }
    }

    @Override
    public void run() {
        try (OrtSession.Result ignored = session.run(inputs)) {
            // the outputs are not needed: the run is what is timed
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public void close() {
        inputs.values().forEach(OnnxTensor::close);
        try {
            session.close();
        } catch (OrtException ignored) {
            // closing; nothing left to report to
        }
        options.close();
    }
}
