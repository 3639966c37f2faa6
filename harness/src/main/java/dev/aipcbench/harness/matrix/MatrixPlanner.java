package dev.aipcbench.harness.matrix;

import dev.aipcbench.harness.model.catalog.SyntheticModels;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.results.HostInfo;
import dev.aipcbench.results.Workload;
import dev.aipcbench.harness.runtime.Availability;
import dev.aipcbench.harness.runtime.GraphRuntime;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.model.catalog.ProbeGraphs;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;

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
    private final int physicalCores;

    /**
     * @param hostDevices the GPUs and NPUs the host probe found; a skipped cell's reason says whether
     *                    the device is absent or present but unreachable by the runtime, which are
     *                    different problems for the user
     */
    public MatrixPlanner(RuntimeCatalog runtimes, List<HostInfo.Accelerator> hostDevices) {
        this(runtimes, hostDevices, Runtime.getRuntime().availableProcessors());
    }

    /** @param physicalCores the host's physical cores: the end of the cpu's characterise sweep {@code "physical_cores"} */
    public MatrixPlanner(RuntimeCatalog runtimes, List<HostInfo.Accelerator> hostDevices, int physicalCores) {
        this.runtimes = runtimes;
        this.hostDevices = List.copyOf(hostDevices);
        this.physicalCores = physicalCores;
    }

    public List<PlannedCell> plan(Profile profile) {
        List<Workload> workloads = profile.workloads().planned();
        profile.requireWorkloads("profile " + profile.name());
        List<PlannedCell> cells = new ArrayList<>();
        for (String id : runtimeIds(profile)) {
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
                    SyntheticSpec synthetic = null;
                    if (folder == null && SyntheticModels.supports(format)) {
                        Profile.Synthetic s = profile.model().synthetic();
                        synthetic = SyntheticSpec.of(format, s.sizeName(), s.dimensions(), precision, s.seed());
                    } else if (folder == null && availability.isAvailable()) {
                        availability = Availability.skipped("no " + format + " model for " + precision
                                + ": the suite writes no synthetic " + format + " model; name one in the profile as model.folders." + format + "." + precision.id());
                    }
                    for (Workload w : workloads) {
                        cells.add(new PlannedCell(id, format, device, precision, w, folder, synthetic, availability));
                    }
                    Profile.Characterise characterise = profile.workloads().characterise();
                    for (Workload w : characterise == null ? List.<Workload>of() : characterise.planned(device, physicalCores,
                            profile.session().threadsFor(physicalCores))) {
                        cells.add(characteriseCell(id, runtime, device, precision, w, availability, profile));
                    }
                }
            }
        }
        return cells;
    }

    /**
     * A characterise cell: no model to load, the probes are made from the profile's synthetic dimensions in the
     * runtime's format (its own quantisation settings); a runtime that cannot run a bare graph cannot measure it.
     */
    private static PlannedCell characteriseCell(String id, InferenceRuntime runtime, Device device, Precision precision, Workload w,
                                                Availability availability, Profile profile) {
        ModelFormat format = runtime.modelFormat();
        if (!(runtime instanceof GraphRuntime) || !ProbeGraphs.hasMatmul(format)) {
            availability = Availability.unsupported(id + " runs only whole generation pipelines, not a bare graph: the characterise "
                    + "probes (a read reduction, a matmul of the model's largest projection) run through onnxruntime or openvino");
        }
        Profile.Synthetic s = profile.model().synthetic();
        SyntheticSpec spec = SyntheticSpec.of(format, s.sizeName(), s.dimensions(), precision, s.seed());
        return new PlannedCell(id, format, device, precision, w, null, spec, availability);
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

    /**
     * The profile's runtime ids, with {@link Profile#INSTALLED} standing for every runtime whose library is found
     * here (ONNX Runtime, bundled, always is), in the catalog's order and without duplicates.
     */
    public List<String> runtimeIds(Profile profile) {
        java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
        for (String id : profile.runtimes()) {
            if (id.equals(Profile.INSTALLED)) {
                runtimes.all().stream().filter(InferenceRuntime::installed).forEach(r -> ids.add(r.id()));
            } else {
                ids.add(id);
            }
        }
        return List.copyOf(ids);
    }
}
