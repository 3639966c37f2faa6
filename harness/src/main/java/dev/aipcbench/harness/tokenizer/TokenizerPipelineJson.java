package dev.aipcbench.harness.tokenizer;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;

/**
 * The fixed stages of a Llama/SentencePiece-style {@code tokenizer.json} around the BPE model, as Phi-3
 * uses them: spaces become {@code ▁} with one in front of the text, {@code <s>} is put first, and
 * decoding undoes both (joining byte-fallback tokens into characters on the way).
 */
final class TokenizerPipelineJson {

    private static final String SPACE = SyntheticVocabulary.SPACE;

    private TokenizerPipelineJson() {
    }

    static void writeNormalizer(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("normalizer");
        json.writeStringField("type", "Sequence");
        json.writeArrayFieldStart("normalizers");
        json.writeStartObject();
        json.writeStringField("type", "Prepend");
        json.writeStringField("prepend", SPACE);
        json.writeEndObject();
        writeReplace(json, " ", SPACE);
        json.writeEndArray();
        json.writeEndObject();
    }

    static void writePostProcessor(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("post_processor");
        json.writeStringField("type", "TemplateProcessing");
        json.writeArrayFieldStart("single");
        writeSpecial(json, 0);
        writeSequence(json, "A", 0);
        json.writeEndArray();
        json.writeArrayFieldStart("pair");
        writeSpecial(json, 0);
        writeSequence(json, "A", 0);
        writeSpecial(json, 1);
        writeSequence(json, "B", 1);
        json.writeEndArray();
        json.writeObjectFieldStart("special_tokens");
        json.writeObjectFieldStart("<s>");
        json.writeStringField("id", "<s>");
        json.writeArrayFieldStart("ids");
        json.writeNumber(1);
        json.writeEndArray();
        json.writeArrayFieldStart("tokens");
        json.writeString("<s>");
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndObject();
        json.writeEndObject();
    }

    static void writeDecoder(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("decoder");
        json.writeStringField("type", "Sequence");
        json.writeArrayFieldStart("decoders");
        writeReplace(json, SPACE, " ");
        writeType(json, "ByteFallback");
        writeType(json, "Fuse");
        json.writeStartObject();
        json.writeStringField("type", "Strip");
        json.writeStringField("content", " ");
        json.writeNumberField("start", 1);
        json.writeNumberField("stop", 0);
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeReplace(JsonGenerator json, String from, String to) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "Replace");
        json.writeObjectFieldStart("pattern");
        json.writeStringField("String", from);
        json.writeEndObject();
        json.writeStringField("content", to);
        json.writeEndObject();
    }

    private static void writeType(JsonGenerator json, String type) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", type);
        json.writeEndObject();
    }

    private static void writeSpecial(JsonGenerator json, int typeId) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("SpecialToken");
        json.writeStringField("id", "<s>");
        json.writeNumberField("type_id", typeId);
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeSequence(JsonGenerator json, String id, int typeId) throws IOException {
        json.writeStartObject();
        json.writeObjectFieldStart("Sequence");
        json.writeStringField("id", id);
        json.writeNumberField("type_id", typeId);
        json.writeEndObject();
        json.writeEndObject();
    }
}
