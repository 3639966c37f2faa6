package dev.aipcbench.harness.telemetry.linux;

import dev.aipcbench.harness.telemetry.Availability;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SysfsPolledSourceTest {
    @TempDir
    Path root;

    @Test
    void aClassFolderThatCannotBeListedIsNamedInEachSourcesReason() {
        // A link to itself: listing it fails with ELOOP, a real I/O error that is neither "absent" nor "not a folder".
        SysfsFixture f = new SysfsFixture(root)
                .link("/sys/class/drm", "/sys/class/drm")
                .link("/sys/class/accel", "/sys/class/accel")
                .link("/sys/class/powercap", "/sys/class/powercap");
        SysfsTree tree = f.tree();
        List<SysfsPolledSource> sources = List.of(new AmdGpuSource(tree, 100, "Linux"), new IntelGpuSource(tree, 100, "Linux"),
                new IntelNpuSource(tree, 1000, "Linux"), new RaplEnergySource(tree, 100, "Linux"));
        List<String> folders = List.of("/sys/class/drm", "/sys/class/drm", "/sys/class/accel", "/sys/class/powercap");
        for (int i = 0; i < sources.size(); i++) {
            Availability a = sources.get(i).probe();
            assertFalse(a.available(), sources.get(i).id());
            assertTrue(a.reason().startsWith("cannot list " + folders.get(i) + ": "), a.reason());
        }
    }

    @Test
    void idAndIntervalAreTheSourcesOwn() {
        SysfsTree tree = new SysfsFixture(root).tree();
        assertEquals(List.of("amd-gpu", "intel-gpu", "intel-npu", "rapl"),
                List.of(new AmdGpuSource(tree, 100, "Linux").id(), new IntelGpuSource(tree, 100, "Linux").id(),
                        new IntelNpuSource(tree, 1000, "Linux").id(), new RaplEnergySource(tree, 100, "Linux").id()));
        assertEquals(1000, new IntelNpuSource(tree, 1000, "Linux").intervalMs());
    }
}
