package dev.aipcbench.harness.model.openvino;

import dev.aipcbench.results.Json;
import com.fasterxml.jackson.databind.JsonNode;
import dev.aipcbench.harness.model.ModelFormatException;
import dev.aipcbench.harness.model.openvino.IrGraph.Port;
import dev.aipcbench.harness.tokenizer.SpecialTokens;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code openvino_tokenizer.xml/.bin} and {@code openvino_detokenizer.xml/.bin} for the suite's synthetic
 * {@code tokenizer.json} (Phi-3's Llama/SentencePiece-style BPE pipeline: {@code ▁} for spaces with one
 * prepended, byte fallback, {@code <s>} first, Phi-3's added tokens), built from the custom ops of
 * openvino-tokenizers (the extension OpenVINO GenAI loads) in the very layout its {@code convert_tokenizer}
 * gives that pipeline (checked against openvino-tokenizers 2026.4.1 on this tokenizer.json):
 * <ul>
 *   <li>tokenizer: StringTensorUnpack, SpecialTokensSplit (every added token, grouped by whether it strips
 *       the whitespace after it), RegexNormalization (prepend {@code ▁}, spaces to {@code ▁}), BPETokenizer
 *       (vocabulary, merges, added tokens), Truncate, CombineSegments ({@code <s>} first), RaggedToDense
 *       (padded with the pad id) to {@code input_ids} and {@code attention_mask} (i64);</li>
 *   <li>detokenizer: VocabDecoder (skipping the special tokens), {@code ▁} to space, ByteFallback, FuzeRagged,
 *       the leading space stripped, UTF8Validate, StringTensorPack to {@code string_output}.</li>
 * </ul>
 * Strings are packed as openvino-tokenizers packs them: i32 begins, i32 ends and the UTF-8 bytes.
 */
final class TokenizerIrWriter {
    private static final String SPACE = "\u2581";
    private static final String OPS_VERSION = "extension";

    private TokenizerIrWriter() {
    }

    /** The parts of tokenizer.json the IRs are made of. */
    private record Vocabulary(List<String> tokens, List<String[]> merges, Map<Integer, JsonNode> added) {
    }

    static void write(Path tokenizerJson, Path folder, SpecialTokens special) throws IOException {
        Vocabulary v = read(tokenizerJson);
        writeTokenizer(v, folder, special);
        writeDetokenizer(v, folder, special);
    }

    private static Vocabulary read(Path file) throws IOException {
        JsonNode root = Json.PLAIN.readTree(file.toFile());
        JsonNode model = root.path("model");
        if (!"BPE".equals(model.path("type").asText()) || !model.path("byte_fallback").asBoolean(false)) {
            throw new ModelFormatException(file, "field model: expected a BPE model with byte_fallback (the suite's tokenizer)");
        }
        Map<Integer, String> byId = new TreeMap<>();
        model.path("vocab").fields().forEachRemaining(e -> byId.put(e.getValue().asInt(), e.getKey()));
        Map<Integer, JsonNode> added = new TreeMap<>();
        for (JsonNode t : root.path("added_tokens")) {
            added.put(t.path("id").asInt(), t);
            byId.put(t.path("id").asInt(), t.path("content").asText());
        }
        List<String> tokens = new ArrayList<>();
        for (Map.Entry<Integer, String> e : byId.entrySet()) {
            if (e.getKey() != tokens.size()) {
                throw new ModelFormatException(file, "has no token with id " + tokens.size() + ": expected ids 0.." + (byId.size() - 1));
            }
            tokens.add(e.getValue());
        }
        List<String[]> merges = new ArrayList<>();
        for (JsonNode m : model.path("merges")) {
            if (m.isArray()) {
                merges.add(new String[] {m.get(0).asText(), m.get(1).asText()});
            } else {
                String s = m.asText();
                int space = s.indexOf(' ');
                merges.add(new String[] {s.substring(0, space), s.substring(space + 1)});
            }
        }
        return new Vocabulary(tokens, merges, added);
    }

    private static void writeTokenizer(Vocabulary v, Path folder, SpecialTokens special) throws IOException {
        try (IrBinFile bin = new IrBinFile(folder.resolve("openvino_tokenizer.bin"))) {
            IrGraph g = new IrGraph("tokenizer", bin);
            IrOps ops = new IrOps(g);
            Port text = g.parameter("string_input", IrType.STRING, "?");
            Port truncationInit = g.constant("truncation/init", IrType.BOOLEAN, new long[0], b -> b.put(0, (byte) 0));
            Port truncation = g.op("ReadValue", "opset6").attr("variable_id", "truncation").attr("variable_type", "dynamic")
                    .attr("variable_shape", "...").in(truncationInit).out(IrType.BOOLEAN).one();
            Port[] unpacked = g.op("StringTensorUnpack", "opset15").in(text).out(IrType.I32, IrType.I32, IrType.U8).build();
            Port batch = ops.gather(ops.shapeOf(unpacked[0]), ops.i64Scalar(0), 0);
            Port rowBegins = g.op("Range", "opset4").attr("output_type", "i32").in(ops.i64Scalar(0), batch, ops.i64Scalar(1)).out(IrType.I32).one();
            Port rowEnds = g.op("Range", "opset4").attr("output_type", "i32")
                    .in(ops.i64Scalar(1), ops.add(batch, ops.i64Scalar(1)), ops.i64Scalar(1)).out(IrType.I32).one();
            Port[] split = g.op("SpecialTokensSplit", OPS_VERSION)
                    .in(rowBegins, rowEnds, unpacked[0], unpacked[1], unpacked[2], bytes(g, specialTokensPattern(v)))
                    .out(IrType.I32, IrType.I32, IrType.I32, IrType.I32, IrType.U8, IrType.BOOLEAN).build();
            Port[] prepended = regex(g, new Port[] {split[2], split[3], split[4], split[5]}, "(?:^)([\\s\\S])", SPACE + "$1", true);
            Port[] spaced = regex(g, prepended, " ", SPACE, true);
            List<Port> bpeInputs = new ArrayList<>(List.of(split[0], split[1], spaced[0], spaced[1], spaced[2]));
            bpeInputs.addAll(List.of(packed(g, v.tokens())));
            bpeInputs.addAll(List.of(packed(g, v.merges().stream().map(m -> m[0]).toList())));
            bpeInputs.addAll(List.of(packed(g, v.merges().stream().map(m -> m[1]).toList())));
            List<String> addedTexts = new ArrayList<>();
            long[] addedIds = new long[v.added().size()];
            int i = 0;
            for (Map.Entry<Integer, JsonNode> e : v.added().entrySet()) {
                addedTexts.add(e.getValue().path("content").asText());
                addedIds[i++] = e.getKey();
            }
            bpeInputs.addAll(List.of(packed(g, addedTexts)));
            bpeInputs.add(i32(g, addedIds));
            Port[] tokens = g.op("BPETokenizer", OPS_VERSION).attr("unk_token", v.tokens().get(0)).attr("fuse_unk", true)
                    .attr("suffix_indicator", "").attr("end_suffix", "").attr("byte_fallback", true).attr("cache_capacity", 20000)
                    .in(bpeInputs.toArray(new Port[0])).out(IrType.I32, IrType.I32, IrType.I32).build();
            Port maxLength = ops.select(truncation, i32Scalar(g, Integer.MAX_VALUE - 1), i32Scalar(g, Integer.MAX_VALUE - 64));
            Port[] truncated = g.op("Truncate", OPS_VERSION).attr("m_num_inputs", 1)
                    .in(tokens[0], tokens[1], tokens[2], maxLength, bytes(g, "right"), bytes(g, "longest_first"))
                    .out(IrType.I32, IrType.I32, IrType.I32).build();
            Port[] combined = g.op("CombineSegments", OPS_VERSION)
                    .in(i32Scalar(g, 0), i32Scalar(g, 1), i32(g, new long[] {special.bos()}), truncated[0], truncated[1], truncated[2],
                            i32(g, new long[] {0, 0}))
                    .out(IrType.I32, IrType.I32, IrType.I32, IrType.I32, IrType.I32, IrType.I32).build();
            Port lengths = ops.subtract(combined[1], combined[0]);
            Port longest = g.op("ReduceMax", "opset1").attr("keep_dims", false).in(lengths, i32Scalar(g, 0)).out(IrType.I32).one();
            Port[] dense = g.op("RaggedToDense", OPS_VERSION).attr("pad_right", true).attr("m_pad_max_length", false)
                    .in(combined[0], combined[1], combined[2], longest, i32Scalar(g, special.pad())).out(IrType.I32, IrType.BOOLEAN).build();
            Port mask = ops.convert(ops.convert(dense[1], IrType.I32), IrType.I64);
            Port ids = ops.convert(dense[0], IrType.I64);
            g.sink(g.op("Assign", "opset6").attr("variable_id", "truncation").in(truncation).out(IrType.BOOLEAN));
            g.result(ids, "input_ids");
            g.result(mask, "attention_mask");
            rtInfo(g, special);
            g.write(folder.resolve("openvino_tokenizer.xml"));
        }
    }

    private static void writeDetokenizer(Vocabulary v, Path folder, SpecialTokens special) throws IOException {
        try (IrBinFile bin = new IrBinFile(folder.resolve("openvino_detokenizer.bin"))) {
            IrGraph g = new IrGraph("detokenizer", bin);
            IrOps ops = new IrOps(g);
            Port ids = ops.convert(g.parameter("token_ids", IrType.I64, "?,?"), IrType.I32);
            List<Long> skip = new ArrayList<>();
            for (Map.Entry<Integer, JsonNode> e : v.added().entrySet()) {
                if (e.getValue().path("special").asBoolean(false)) {
                    skip.add((long) e.getKey());
                }
            }
            List<Port> decoderInputs = new ArrayList<>(List.of(ids));
            decoderInputs.addAll(List.of(packed(g, v.tokens())));
            decoderInputs.add(i32(g, skip.stream().mapToLong(Long::longValue).toArray()));
            Port[] decoded = g.op("VocabDecoder", OPS_VERSION).attr("skip_tokens", "").in(decoderInputs.toArray(new Port[0]))
                    .out(IrType.I32, IrType.I32, IrType.I32, IrType.I32, IrType.U8).build();
            Port[] spaces = regex(g, new Port[] {decoded[2], decoded[3], decoded[4]}, SPACE, " ", false);
            Port[] bytes = g.op("ByteFallback", OPS_VERSION).in(spaces).out(IrType.I32, IrType.I32, IrType.U8).build();
            Port[] fused = g.op("FuzeRagged", OPS_VERSION).in(decoded[0], decoded[1], bytes[0], bytes[1]).out(IrType.I32, IrType.I32).build();
            Port[] stripped = regex(g, new Port[] {fused[0], fused[1], bytes[2]}, "^ ", "", false);
            Port[] valid = g.op("UTF8Validate", OPS_VERSION).attr("replace_mode", true).in(stripped)
                    .out(IrType.I32, IrType.I32, IrType.U8).build();
            Port text = g.op("StringTensorPack", "opset15").in(valid).out(IrType.STRING).one();
            g.result(text, "string_output");
            rtInfo(g, special);
            g.write(folder.resolve("openvino_detokenizer.xml"));
        }
    }

    /**
     * SpecialTokensSplit's pattern as openvino-tokenizers builds it: the added tokens in reverse text order,
     * grouped by (lstrip, rstrip) in order of first appearance, each group an alternation of the quoted texts
     * with {@code (?:\s*)} on the stripping sides.
     */
    private static String specialTokensPattern(Vocabulary v) {
        List<JsonNode> sorted = new ArrayList<>(v.added().values());
        sorted.sort(Comparator.comparing((JsonNode t) -> t.path("content").asText()).reversed());
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (JsonNode t : sorted) {
            String key = t.path("lstrip").asBoolean(false) + "," + t.path("rstrip").asBoolean(false);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(quoteMeta(t.path("content").asText()));
        }
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : groups.entrySet()) {
            boolean left = e.getKey().startsWith("true");
            boolean right = e.getKey().endsWith("true");
            parts.add((left ? "(?:\\s*)" : "") + "(" + String.join("|", e.getValue()) + ")" + (right ? "(?:\\s*)" : ""));
        }
        return String.join("|", parts);
    }

    /** openvino-tokenizers' quote_meta: a backslash before every character but letters, digits, _ and ▁. */
    private static String quoteMeta(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && c != '_' && c != 0x2581 && c != 0xFF5C) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    /** RegexNormalization (global replace) over packed strings, with the skip flags when given (4 inputs). */
    private static Port[] regex(IrGraph g, Port[] strings, String search, String replace, boolean withSkips) throws IOException {
        List<Port> in = new ArrayList<>(List.of(strings));
        in.add(bytes(g, search));
        in.add(bytes(g, replace));
        IrGraph.Op op = g.op("RegexNormalization", OPS_VERSION).attr("global_replace", true).in(in.toArray(new Port[0]));
        return withSkips ? op.out(IrType.I32, IrType.I32, IrType.U8, IrType.BOOLEAN).build() : op.out(IrType.I32, IrType.I32, IrType.U8).build();
    }

    /** {@code begins, ends, chars}: strings packed as openvino-tokenizers packs them. */
    private static Port[] packed(IrGraph g, List<String> strings) throws IOException {
        long[] begins = new long[strings.size()];
        long[] ends = new long[strings.size()];
        ByteArrayOutputStream chars = new ByteArrayOutputStream();
        for (int i = 0; i < strings.size(); i++) {
            begins[i] = chars.size();
            chars.writeBytes(strings.get(i).getBytes(StandardCharsets.UTF_8));
            ends[i] = chars.size();
        }
        byte[] all = chars.toByteArray();
        return new Port[] {i32(g, begins), i32(g, ends),
                g.constant("Constant", IrType.U8, new long[] {all.length}, b -> b.put(0, all))};
    }

    private static Port bytes(IrGraph g, String text) throws IOException {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        return g.constant("Constant", IrType.U8, new long[] {utf8.length}, b -> b.put(0, utf8));
    }

    private static Port i32(IrGraph g, long[] values) throws IOException {
        return g.constant("Constant", IrType.I32, new long[] {values.length}, b -> {
            for (int i = 0; i < values.length; i++) {
                b.putInt(4 * i, (int) values[i]);
            }
        });
    }

    private static Port i32Scalar(IrGraph g, long value) throws IOException {
        return g.constant("Constant", IrType.I32, new long[0], b -> b.putInt(0, (int) value));
    }

    /** The rt_info openvino-tokenizers writes and OpenVINO GenAI reads (special ids, chat template, options). */
    private static void rtInfo(IrGraph g, SpecialTokens special) {
        g.rtInfo("add_attention_mask", "True");
        g.rtInfo("add_prefix_space", null);
        g.rtInfo("add_special_tokens", "True");
        g.rtInfo("bos_token_id", Integer.toString(special.bos()));
        g.rtInfo("chat_template", HfConfigFiles.PHI3_CHAT_TEMPLATE);
        g.rtInfo("clean_up_tokenization_spaces", null);
        g.rtInfo("detokenizer_input_type", "i64");
        g.rtInfo("eos_token_id", Integer.toString(special.eos()));
        g.rtInfo("handle_special_tokens_with_re", null);
        g.rtInfo("max_length", null);
        g.rtInfo("number_of_inputs", "1");
        g.rtInfo("openvino_tokenizers_version", "2026.4.1.0 (layout; written by aipc-bench)");
        g.rtInfo("original_tokenizer_class", "aipc-bench synthetic tokenizer.json");
        g.rtInfo("pad_token_id", Integer.toString(special.pad()));
        g.rtInfo("processed_post_processor_template", "{\"single\": {\"ids\": [" + special.bos() + ", -1], \"type_ids\": [0, 0]}, "
                + "\"pair\": {\"ids\": [" + special.bos() + ", -1, " + special.bos() + ", -2], \"type_ids\": [0, 0, 1, 1]}}");
        g.rtInfo("skip_special_tokens", "True");
        g.rtInfo("streaming_detokenizer", "False");
        g.rtInfo("tokenizer_output_type", "i64");
        g.rtInfo("truncation", "False");
        g.rtInfo("use_max_padding", "False");
        g.rtInfo("utf8_replace_mode", "replace");
        g.rtInfo("with_detokenizer", "True");
    }
}
