package dev.aipcbench.harness.model;

import dev.aipcbench.harness.model.onnx.ModelFolder;

import dev.aipcbench.harness.runtime.SessionSettings;
import dev.aipcbench.harness.runtime.onnxruntime.OrtGenerationSession;
import dev.aipcbench.harness.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad model input ends in one line that names the file (and field) and what was expected. */
class ModelFolderErrorsTest {

    private static Path copyOfTiny(Path tmp) throws IOException {
        Path src = TestModels.tiny(Precision.INT4);
        Path dst = tmp.resolve("model");
        Files.createDirectories(dst);
        try (Stream<Path> files = Files.list(src)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.copy(f, dst.resolve(f.getFileName()));
            }
        }
        return dst;
    }

    private static String failure(Path folder) {
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> {
            try (OrtGenerationSession s = OrtGenerationSession.open(ModelFolder.open(folder), SessionSettings.cpu().withMaxSequenceLength(8))) {
                s.prefill(new int[] {1, 2, 3});
            }
        });
        assertFalse(e.getMessage().contains("\n"), "one line: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void missingFolder(@TempDir Path tmp) {
        String m = failure(tmp.resolve("nope"));
        assertTrue(m.contains("nope") && m.contains("model folder not found"), m);
    }

    @Test
    void missingConfig(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Files.delete(f.resolve("genai_config.json"));
        String m = failure(f);
        assertTrue(m.contains("genai_config.json") && m.contains("not found"), m);
    }

    @Test
    void configMissingAField(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Path c = f.resolve("genai_config.json");
        Files.writeString(c, Files.readString(c).replaceAll("\"context_length\" : \\d+,", "").replaceAll("\"max_length\" : \\d+,", ""));
        String m = failure(f);
        assertEquals(c + ": missing field model.context_length (expected an integer; onnxruntime-genai requires it too)", m);
    }

    @Test
    void configFieldOfTheWrongType(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Path c = f.resolve("genai_config.json");
        Files.writeString(c, Files.readString(c).replaceAll("\"num_hidden_layers\" : (\\d+)", "\"num_hidden_layers\" : \"$1\""));
        String m = failure(f);
        assertEquals(c + ": field model.decoder.num_hidden_layers: expected an integer, found string \"2\"", m);
    }

    @Test
    void configThatIsNotJson(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Files.writeString(f.resolve("genai_config.json"), "{\"model\": {");
        String m = failure(f);
        assertTrue(m.startsWith(f.resolve("genai_config.json") + ": not valid JSON"), m);
    }

    @Test
    void configNamingATensorTheModelLacks(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Path c = f.resolve("genai_config.json");
        Files.writeString(c, Files.readString(c).replace("past_key_values.%d.key", "past.%d.k"));
        String m = failure(f);
        assertTrue(m.contains("model.decoder.inputs.past_key_names") && m.contains("'past.0.k'"), m);
    }

    @Test
    void truncatedModelFile(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Path model = f.resolve("model.onnx");
        try (FileChannel ch = FileChannel.open(model, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        String m = failure(f);
        assertTrue(m.startsWith(model + ": is truncated or not an ONNX model"), m);
    }

    @Test
    void truncatedExternalData(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        try (FileChannel ch = FileChannel.open(f.resolve("model.onnx.data"), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 3);
        }
        String m = failure(f);
        assertTrue(m.startsWith(f.resolve("model.onnx") + ": ONNX Runtime cannot load it"), m);
    }

    @Test
    void modelFileNamedByTheConfigIsMissing(@TempDir Path tmp) throws IOException {
        Path f = copyOfTiny(tmp);
        Files.delete(f.resolve("model.onnx"));
        String m = failure(f);
        assertTrue(m.contains("model.onnx: not found (named by genai_config.json field model.decoder.filename)"), m);
    }

    @Test
    void unknownPrecisionNamesTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Precision.parse("int3"));
        assertEquals("unknown precision 'int3': expected one of fp32, fp16, int8, int4", e.getMessage());
    }
}
