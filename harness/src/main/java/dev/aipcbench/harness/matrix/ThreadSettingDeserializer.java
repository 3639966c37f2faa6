package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;

/** {@code session.threads}: an integer, or {@code "physical_cores"} ({@link Profile.Session#PHYSICAL_CORES}). */
final class ThreadSettingDeserializer extends JsonDeserializer<Integer> {
    static final String PHYSICAL_CORES = "physical_cores";

    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
            return p.getIntValue();
        }
        if (p.currentToken() == JsonToken.VALUE_STRING && PHYSICAL_CORES.equals(p.getText())) {
            return Profile.Session.PHYSICAL_CORES;
        }
        String found = p.currentToken() == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText();
        throw new IllegalArgumentException("expected an integer >= 0 or \"" + PHYSICAL_CORES + "\", found " + found);
    }
}
