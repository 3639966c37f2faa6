package dev.aipcbench.benchmarks.cli;

import dev.aipcbench.results.Json;
import dev.aipcbench.harness.runtime.InferenceRuntime;
import dev.aipcbench.harness.runtime.catalog.RuntimeCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code run-bench runtimes}: one line per runtime: found or not, version, where and how, the devices it
 * offers. {@code --verbose} adds every place the library search tried.
 */
@Command(name = "runtimes", mixinStandardHelpOptions = true, subcommands = RuntimesInstallCommand.class,
        description = {"Show which runtimes are installed here: version, where their library was found, devices.",
                "'runtimes install' sets up the suite's own runtime environment with the pinned packages."})
final class RuntimesCommand implements Callable<Integer> {
    @Mixin VerboseOption verbose;

    @Option(names = "--json", description = "Print JSON.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (InferenceRuntime r : RuntimeCatalog.standard().all()) {
            Map<String, Object> row = new LinkedHashMap<>();
            boolean found = r.installed();
            row.put("id", r.id());
            row.put("found", found);
            row.put("version", found ? r.version() : null);
            row.put("location", found ? r.location() : null);
            row.put("reason", found ? null : r.location());
            row.put("devices", found ? r.providers() : List.of());
            row.put("search", r.searchTrail());
            rows.add(row);
        }
        if (json) {
            System.out.println(Json.PRETTY.writeValueAsString(rows));
            return 0;
        }
        for (Map<String, Object> row : rows) {
            boolean found = (Boolean) row.get("found");
            if (found) {
                System.out.printf("%-26s found      %-12s %s; devices %s%n", row.get("id"), row.get("version"), row.get("location"),
                        row.get("devices"));
            } else {
                System.out.printf("%-26s not found  %s%n", row.get("id"), Reasons.brief((String) row.get("reason")));
            }
            if (verbose.verbose) {
                @SuppressWarnings("unchecked")
                List<String> search = (List<String>) row.get("search");
                search.forEach(step -> System.out.printf("    searched %s%n", step));
            }
        }
        return 0;
    }
}
