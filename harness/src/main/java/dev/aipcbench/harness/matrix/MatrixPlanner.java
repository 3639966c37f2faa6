package dev.aipcbench.harness.matrix;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.harness.model.synthetic.SyntheticModelGenerator;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.Workload;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.RuntimeCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a profile into cells: runtime x device x precision x workload. It asks each runtime what this
 * host can run (without loading models) and finds a model for each cell, so cells the host cannot run
 * are decided here, with their reason, and never start a fork.
 */
public final class MatrixPlanner {
    private final RuntimeCatalog runtimes;
    private final List<HostInfo.Accelerator> hostDevices;

    /**
     * @param hostDevices the GPUs and NPUs the host probe found; a skipped cell's reason says whether
     *                    the device is absent or present but unreachable by the runtime, which are
     *                    different problems for the user
     */
    public MatrixPlanner(RuntimeCatalog runtimes, List<HostInfo.Accelerator> hostDevices) {
        this.runtimes = runtimes;
        this.hostDevices = List.copyOf(hostDevices);
    }

    public List<PlannedCell> plan(Profile profile) {
        List<Workload> workloads = workloads(profile.workloads());
        if (workloads.isEmpty()) {
            throw new IllegalArgumentException("profile " + profile.name() + " plans no workload: give workloads.generate.prompt_tokens, "
                    + "workloads.prefill.prompt_tokens, workloads.decode.context_depths or workloads.load");
        }
        List<PlannedCell> cells = new ArrayList<>();
        for (String id : profile.runtimes()) {
            InferenceRuntime runtime;
            try {
                runtime = runtimes.get(id);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("profile " + profile.name() + ": field runtimes: " + e.getMessage());
            }
            for (Device device : profile.devices()) {
                for (Precision precision : profile.precisions()) {
                    // Each runtime says unsupported (it cannot, anywhere) before skipped (absent here).
                    Availability availability = runtime.installed() ? withHostEvidence(runtime.availability(device, precision), device)
                            : runtime.availability(device, precision);
                    ModelFormat format = runtime.modelFormat();
                    Path folder = profile.model().folder(format.id(), precision);
                    SyntheticModelGenerator.Spec synthetic = null;
                    if (folder == null && SyntheticModelGenerator.supports(format)) {
                        synthetic = SyntheticModelGenerator.Spec.of(format, profile.model().syntheticSize(), profile.model().dims(), precision,
                                profile.model().seed());
                    } else if (folder == null && availability.isAvailable()) {
                        availability = Availability.skipped("no " + format + " model for " + precision
                                + ": the suite writes no synthetic " + format + " model; name one in the profile as model.folders." + format + "." + precision.id());
                    }
                    for (Workload w : workloads) {
                        cells.add(new PlannedCell(id, format, device, precision, w, folder, synthetic, availability));
                    }
                }
            }
        }
        return cells;
    }

    private Availability withHostEvidence(Availability a, Device device) {
        if (a.kind() != Availability.Kind.SKIPPED || device == Device.CPU) {
            return a;
        }
        List<String> found = new ArrayList<>();
        for (HostInfo.Accelerator acc : hostDevices) {
            if (acc.kind().equals(device.id())) {
                found.add(acc.name() + " [" + acc.evidence() + "]");
            }
        }
        String host = found.isEmpty() ? "the host probe found no " + device.id() + " (OSHI graphics cards, /sys/class/accel, Windows ComputeAccelerator class)"
                : "the host has " + String.join(", ", found) + " but the runtime cannot reach it";
        return Availability.skipped(a.reason() + "; " + host);
    }

    static List<Workload> workloads(Profile.Workloads w) {
        List<Workload> out = new ArrayList<>();
        for (int p : w.generatePromptTokens()) {
            out.add(Workload.generate(p, w.genTokens()));
        }
        for (int p : w.prefillPromptTokens()) {
            out.add(Workload.prefill(p));
        }
        for (int d : w.decodeContextDepths()) {
            out.add(Workload.decode(d));
        }
        if (w.load()) {
            out.add(Workload.load());
        }
        return out;
    }
}
