package dev.aipcbench.harness.matrix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code workloads.characterise.threads}: a list of integers >= 0, {@code "physical_cores"} (1..the physical cores), or
 * {@code "session"} (the one count the run's token cells use, {@code session.threads}).
 */
final class ThreadSweepDeserializer extends JsonDeserializer<Profile.ThreadSweep> {
    @Override
    public Profile.ThreadSweep deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING && ThreadSettingDeserializer.PHYSICAL_CORES.equals(p.getText())) {
            return new Profile.ThreadSweep(null);
        }
        if (p.currentToken() == JsonToken.VALUE_STRING && Profile.ThreadSweep.SESSION.equals(p.getText())) {
            return Profile.ThreadSweep.ofSession();
        }
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw new IllegalArgumentException(expected(p.currentToken() == JsonToken.VALUE_STRING ? "\"" + p.getText() + "\"" : p.getText()));
        }
        List<Integer> counts = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT || p.getIntValue() < 0) {
                throw new IllegalArgumentException(expected(p.getText()) + " in the list");
            }
            counts.add(p.getIntValue());
        }
        return new Profile.ThreadSweep(List.copyOf(counts));
    }

    private static String expected(String found) {
        return "expected a list of thread counts >= 1 (0: the runtime's choice, accelerators only) or \""
                + ThreadSettingDeserializer.PHYSICAL_CORES + "\" or \"" + Profile.ThreadSweep.SESSION + "\", found " + found;
    }
}
