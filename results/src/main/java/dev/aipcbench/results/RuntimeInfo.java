package dev.aipcbench.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** A runtime as the run found it: version, whether it loads here, and what it offers (providers, devices). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuntimeInfo(String id, String version, boolean available, String reason, List<String> providers) {
}
