package dev.aipcbench.history.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.aipcbench.results.ResultsFolder;

/** The JSON of what the store keeps as documents: results.json's own mapping, on one line. */
final class StoredDocuments {
    static final ObjectMapper JSON = ResultsFolder.JSON.copy().disable(SerializationFeature.INDENT_OUTPUT);

    private StoredDocuments() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a stored document: " + e.getOriginalMessage(), e);
        }
    }

    static <T> T read(String json, Class<T> type, String what) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new HistoryStoreException(what + ": the stored document is not readable: " + e.getOriginalMessage(), e);
        }
    }
}
