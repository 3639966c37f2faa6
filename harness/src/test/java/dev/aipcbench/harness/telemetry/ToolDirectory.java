package dev.aipcbench.harness.telemetry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A PATH holding one folder of stand-in executables, so a source finds its tool without the tool. */
public final class ToolDirectory {

    private ToolDirectory() {
    }

    public static SearchPath with(Path dir, String... tools) throws IOException {
        Files.createDirectories(dir);
        for (String tool : tools) {
            Path exe = Files.writeString(dir.resolve(tool), "stand-in\n");
            if (!exe.toFile().setExecutable(true)) {
                throw new IOException("cannot make " + exe + " executable");
            }
        }
        return new SearchPath(dir.toString(), List.of(""));
    }
}
