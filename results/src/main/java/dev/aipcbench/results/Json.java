package dev.aipcbench.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The suite's two plain Jackson mappers, shared (a configured ObjectMapper is thread-safe, and each new one
 * rebuilds its caches): {@link #PLAIN} for trees and the foreign files the suite reads (genai_config.json, HF
 * configs, npm manifests, profiler traces, the drivers' JSON lines), {@link #PRETTY} for the files it writes for
 * people to read. Mappers with a schema of their own keep it beside that schema: {@link ResultsFolder#JSON} for
 * results, the cell spec's for the fork channel, the tokenizer's.
 */
public final class Json {
    public static final ObjectMapper PLAIN = new ObjectMapper();
    public static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }
}
