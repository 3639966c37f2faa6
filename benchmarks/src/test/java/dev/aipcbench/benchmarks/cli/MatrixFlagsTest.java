package dev.aipcbench.benchmarks.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aipcbench.harness.matrix.Profile;
import dev.aipcbench.harness.matrix.ProfileReader;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The matrix flags as the profile layer they become, bound with the profile under them as a run binds them. */
class MatrixFlagsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ProfileReader READER = new ProfileReader(List.of(java.nio.file.Path.of("..", "profiles")));

    private static List<Workload> planned(String profileJson, String... flags) throws Exception {
        MatrixCommand command = new MatrixCommand();
        new CommandLine(command).parseArgs(flags);
        List<ProfileReader.Layer> layers = new java.util.ArrayList<>(List.of(READER.layer("default"),
                ProfileReader.checked("profile", (ObjectNode) JSON.readTree(profileJson))));
        layers.add(ProfileReader.checked("command line", command.flags(ProfileReader.merged(layers))));
        Profile p = ProfileReader.resolve("t", layers);
        return p.workloads().planned();
    }

    @Test
    void promptTokensSetTheGenerateAndThePrefillLengthsAndAddNoPrefillWhereNonePlanned() throws Exception {
        String both = "{\"workloads\": {\"generate\": {\"prompt_tokens\": [128], \"gen_tokens\": 8}, \"prefill\": {\"prompt_tokens\": [512]}}}";
        assertEquals(List.of(new Workload.Generate(64, 8), new Workload.Generate(256, 8), new Workload.Prefill(64), new Workload.Prefill(256)),
                planned(both, "--prompt-tokens", "64,256"));
        String generateOnly = "{\"workloads\": {\"generate\": {\"prompt_tokens\": [128], \"gen_tokens\": 8}, \"prefill\": {\"prompt_tokens\": []}}}";
        assertEquals(List.of(new Workload.Generate(64, 8)), planned(generateOnly, "--prompt-tokens", "64"));
    }
}
