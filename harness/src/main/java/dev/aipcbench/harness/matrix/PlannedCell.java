package dev.aipcbench.harness.matrix;

import dev.aipcbench.harness.model.synthetic.SyntheticSpec;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.ModelFormat;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.results.CellResult;
import dev.aipcbench.results.Workload;
import dev.aipcbench.harness.runtime.Availability;

import java.nio.file.Path;

/**
 * One cell of the plan: what to run, on which model, and whether the host can run it at all.
 *
 * @param folder    the model folder to load, when the profile names one
 * @param synthetic the synthetic model to generate (into the cache) when no folder is named
 */
public record PlannedCell(String runtime, ModelFormat modelFormat, Device device, Precision precision, Workload workload,
                          Path folder, SyntheticSpec synthetic, Availability availability) {

    public String id() {
        return CellResult.id(runtime, device.id(), precision.id(), workload);
    }

    /** A name for the model in results: the folder's name, or the synthetic model's cache key. */
    public String modelName() {
        return folder != null ? folder.getFileName().toString() : synthetic != null ? synthetic.cacheKey() : "none";
    }
}
