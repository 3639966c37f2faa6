package dev.aipcbench.harness.matrix;

import dev.aipcbench.harness.device.Device;
import dev.aipcbench.harness.model.Precision;
import dev.aipcbench.results.Workload;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Profiles bound with Jackson: layers merge, and a bad layer is one line naming its file and the field's JSON path. */
class ProfileReaderTest {
    /** The profiles of the checkout (the jar bundles them; harness tests read them from the folder). */
    private static final ProfileReader READER = new ProfileReader(List.of(java.nio.file.Path.of("..", "profiles")));

    private static String failure(String json) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProfileReader.parse("my.json", json));
        return e.getMessage();
    }

    @Test
    void unknownFieldsAreNamedWithTheirPathAndTheKnownOnes() {
        assertEquals("my.json: unknown field worklods (expected one of description, devices, execution_providers, interference, jmh, model, "
                + "precisions, runtimes, session, telemetry, thresholds, workloads)", failure("{\"worklods\": {}}"));
        assertEquals("my.json: unknown field jmh.fork (expected one of decode_iterations, forks, interleave, iterations, timeout_minutes, "
                + "warmup_iterations)", failure("{\"jmh\": {\"fork\": 2}}"));
    }

    @Test
    void wrongTypesSayWhatWasExpectedAndFound() {
        assertEquals("my.json: field jmh.forks: expected an integer, found a string \"2\"", failure("{\"jmh\": {\"forks\": \"2\"}}"));
        assertEquals("my.json: field workloads.load: expected true or false, found an integer (1)", failure("{\"workloads\": {\"load\": 1}}"));
        assertEquals("my.json: field workloads.generate.prompt_tokens: expected a list, found an integer (128)",
                failure("{\"workloads\": {\"generate\": {\"prompt_tokens\": 128}}}"));
    }

    @Test
    void valuesOutOfRangeAreNamedWithTheFullPath() {
        assertEquals("my.json: field jmh.forks: expected an integer >= 1, found 0", failure("{\"jmh\": {\"forks\": 0}}"));
        assertEquals("my.json: field session.sampling: expected one of runtime, java, found \"gpu\"",
                failure("{\"session\": {\"sampling\": \"gpu\"}}"));
        assertEquals("my.json: field workloads.decode.context_depths: expected integers >= 1, found -3",
                failure("{\"workloads\": {\"decode\": {\"context_depths\": [64, -3]}}}"));
        assertEquals("my.json: field devices[1]: unknown device 'tpu': expected one of cpu, igpu, npu, dgpu",
                failure("{\"devices\": [\"cpu\", \"tpu\"]}"));
        assertEquals("my.json: field model.synthetic.size: unknown size 'huge': expected tiny or mini",
                failure("{\"model\": {\"synthetic\": {\"size\": \"huge\"}}}"));
    }

    @Test
    void commentsAreDocumentationAndNullMeansNotSetHere() {
        ProfileReader.Layer base = READER.layer("default");
        ProfileReader.Layer mine = ProfileReader.parse("my.json", "{\"$comment\": \"a note\", \"jmh\": {\"$comment\": \"x\", \"forks\": 3,"
                + " \"iterations\": null}, \"workloads\": {\"decode\": {\"context_depths\": [64]}}}");
        Profile p = ProfileReader.resolve("mine", List.of(base, mine));
        assertEquals(3, p.jmh().forks());
        assertEquals(3, p.jmh().iterations(), "default.json's, the null did not unset it");
        assertEquals(List.of(new Workload.Generate(128, 32), new Workload.Decode(64)), p.workloads().planned());
        assertEquals(List.of(Device.CPU), p.devices());
        assertEquals(List.of(Precision.INT4), p.precisions());
        assertEquals("mine", p.name());
    }

    @Test
    void aProfileThatPlansNoWorkloadSaysWhatToGive() {
        ProfileReader.Layer none = ProfileReader.parse("none.json", "{\"workloads\": {\"generate\": {\"prompt_tokens\": []}}}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProfileReader.resolve("none", List.of(READER.layer("default"), none)));
        assertEquals(java.nio.file.Path.of("..", "profiles", "default.json") + " + none.json: plans no workload: give workloads.generate.prompt_tokens, "
                + "workloads.prefill.prompt_tokens, workloads.decode.context_depths, workloads.load or workloads.characterise.threads", e.getMessage());
    }

    /** The characterise sweep: a list of counts or physical_cores on the cpu, one cell at 0 threads on an accelerator. */
    @Test
    void characteriseSweepsTheCpuAndGivesAcceleratorsTheRuntimesChoice() {
        Profile listed = ProfileReader.resolve("c", List.of(READER.layer("default"), ProfileReader.parse("c.json",
                "{\"devices\": [\"cpu\", \"npu\"], \"workloads\": {\"characterise\": {\"threads\": [1, 4, 4]}}}")));
        Profile.Characterise c = listed.workloads().characterise();
        assertEquals(List.of(new Workload.Characterise(1), new Workload.Characterise(4)), c.planned(Device.CPU, 8));
        assertEquals(List.of(new Workload.Characterise(0)), c.planned(Device.NPU, 8));
        assertEquals(1024, c.bufferMib(), "default.json's buffer");
        Profile swept = ProfileReader.resolve("s", List.of(READER.layer("default"), ProfileReader.parse("s.json",
                "{\"workloads\": {\"characterise\": {\"threads\": \"physical_cores\"}}}")));
        assertEquals(List.of(new Workload.Characterise(1), new Workload.Characterise(2), new Workload.Characterise(3)),
                swept.workloads().characterise().planned(Device.CPU, 3));
        assertEquals(List.of(), ProfileReader.resolve("d", List.of(READER.layer("default"))).workloads().characterise().planned(Device.CPU, 3),
                "default.json plans no characterise cell");
        Profile session = ProfileReader.resolve("t", List.of(READER.layer("default"), ProfileReader.parse("t.json",
                "{\"workloads\": {\"characterise\": {\"threads\": \"session\"}}}")));
        Profile.Characterise atSession = session.workloads().characterise();
        assertEquals(List.of(new Workload.Characterise(2)), atSession.planned(Device.CPU, 8, 2), "the token cells' own count");
        assertEquals(List.of(new Workload.Characterise(8)), atSession.planned(Device.CPU, 8, 0), "runtime default: every physical core");
        assertEquals(List.of(new Workload.Characterise(0)), atSession.planned(Device.NPU, 8, 2));
    }

    @Test
    void aCharacteriseSweepWithZeroOnTheCpuOrANegativeCountIsRefused() {
        assertEquals("my.json: field workloads.characterise.threads: 0 (the runtime's choice) is for accelerators, which are "
                + "characterised with it anyway; the cpu is swept over thread counts >= 1, found [0]",
                failure("{\"devices\": [\"cpu\"], \"workloads\": {\"characterise\": {\"threads\": [0]}}}"));
        assertEquals("my.json: field workloads.characterise.threads: expected a list of thread counts >= 1 (0: the runtime's choice, "
                + "accelerators only) or \"physical_cores\" or \"session\", found -2 in the list",
                failure("{\"workloads\": {\"characterise\": {\"threads\": [1, -2]}}}"));
        assertEquals("my.json: field workloads.characterise.buffer_mib: expected an integer >= 1, found 0",
                failure("{\"workloads\": {\"characterise\": {\"buffer_mib\": 0}}}"));
    }

    @Test
    void threadsTakeANumberOrPhysicalCores() {
        assertEquals("my.json: field session.threads: expected an integer >= 0 or \"physical_cores\", found \"lots\"",
                failure("{\"session\": {\"threads\": \"lots\"}}"));
        assertEquals("my.json: field session.threads: expected an integer >= 0, found -2", failure("{\"session\": {\"threads\": -2}}"));
    }
}
