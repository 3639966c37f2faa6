package dev.aipcbench.harness.runtime.openvinogenai;

import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.TokenTimeline;
import dev.aipcbench.harness.tokenizer.HfTokenizer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import dev.aipcbench.harness.runtime.openvino.OvException;

/** The C API session against the fake openvino_genai_c (no installable build here has the C API; see OvGenaiCApiRuntimeTest). */
class OvGenaiCApiSessionTest {
    @TempDir
    static Path tmp;
    private static Path library;
    private static Path model;

    @BeforeAll
    static void buildFakes() throws IOException {
        library = FakeOpenVino.install(tmp.resolve("lib"), List.of());
        model = FakeOpenVino.irFolder(tmp.resolve("ir"));
    }

    private static OvGenaiCApiSession open(Path lib) {
        return (OvGenaiCApiSession) new OpenVinoGenaiRuntime(lib).open(model, SessionSettings.cpu());
    }

    @Test
    void aTextPromptStreamsOneTimelineEntryPerTokenWithOpenVinosMetricsBeside() {
        String prompt = "the quick brown fox";
        try (OvGenaiCApiSession s = open(library)) {
            TokenTimeline timeline = new TokenTimeline(8);
            s.generate(prompt, 6, timeline);
            assertEquals(6, timeline.count());
            assertEquals(4, timeline.promptTokens());
            assertTrue(timeline.ttftNanos() > 0);
            for (int i = 0; i < 6; i++) {
                assertEquals(OvGenaiCApiSession.TOKEN_UNKNOWN, timeline.token(i));
                assertTrue(timeline.runtimeNanos(i) > 0, "entry " + i);
            }
            assertEquals(FakeOpenVino.expectedText(prompt, 6), s.lastText());
            assertEquals(6, s.lastMetrics().generatedTokens());
            assertEquals(12.5f, s.lastMetrics().loadMs());
            assertEquals("6", s.info().details().get("openvino.generated_tokens"));
            assertEquals("6", s.info().details().get("openvino.streamer_calls"));
            assertTrue(s.info().details().containsKey("openvino.ttft_ms"));
            assertTrue(s.neverStopsEarly());
        }
    }

    @Test
    void tokenIdsAreDecodedWithTheFoldersTokenizerBeforeTheyAreHandedOver() {
        try (OvGenaiCApiSession s = open(library); HfTokenizer tokenizer = HfTokenizer.load(model)) {
            int[] ids = tokenizer.encode("hello world, a prompt");
            TokenTimeline timeline = new TokenTimeline(5);
            s.generate(ids, 5, timeline);
            String text = tokenizer.decode(ids);
            assertEquals(text, FakeOpenVino.probe(library).fake_last_prompt());
            assertEquals(5, timeline.count());
            assertEquals(FakeOpenVino.expectedText(text, 5), s.lastText());
        }
    }

    @Test
    void aFailedGenerationQuotesTheStatusAndOpenVinosErrorText() {
        try (OvGenaiCApiSession s = open(library)) {
            OvException e = assertThrows(OvException.class, () -> s.generate("please FAIL now", 4, new TokenTimeline(4)));
            assertEquals("OpenVINO ov_genai_llm_pipeline_generate failed: GENERAL_ERROR (-1): Exception from the fake pipeline:"
                    + " the prompt asked to fail", e.getMessage());
            assertEquals(-1, e.status());
        }
        Path missing = tmp.resolve("no-ir");
        OvException load = assertThrows(OvException.class,
                () -> new OpenVinoGenaiRuntime(library).open(missing, SessionSettings.cpu()));
        assertTrue(load.getMessage().startsWith("OpenVINO ov_genai_llm_pipeline_create(" + missing + ", CPU) failed: GENERAL_ERROR (-1): "),
                load.getMessage());
        assertTrue(load.getMessage().endsWith(missing + "/openvino_model.xml not found"), load.getMessage());
    }

    @Test
    void aBuildThatCannotFixTheLengthStopsEarlyAndSaysSo() {
        Path old = FakeOpenVino.install(tmp.resolve("old"), List.of(), "FAKE_NO_FIXED_LENGTH");
        try (OvGenaiCApiSession s = open(old)) {
            TokenTimeline timeline = new TokenTimeline(6);
            s.generate("a b", 6, timeline);
            assertEquals(3, timeline.count());
            assertTrue(s.info().details().get("search").endsWith("(this build may stop early at EOS)"));
            assertEquals("3", s.info().details().get("openvino.generated_tokens"));
        }
    }
}
