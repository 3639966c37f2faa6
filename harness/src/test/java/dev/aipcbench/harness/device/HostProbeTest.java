package dev.aipcbench.harness.device;

import dev.aipcbench.results.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HostProbeTest {

    @Test
    void findsIntelAndAmdNpusInASysfsTree(@TempDir Path root) throws IOException {
        Path intel = Files.createDirectories(root.resolve("sys/class/accel/accel0/device"));
        Path drivers = Files.createDirectories(root.resolve("sys/bus/pci/drivers/intel_vpu"));
        Files.createSymbolicLink(intel.resolve("driver"), drivers);
        Path amd = Files.createDirectories(root.resolve("sys/class/accel/accel1/device"));
        Files.writeString(amd.resolve("uevent"), "PCI_ID=1022:1502\nDRIVER=amdxdna\n");

        List<HostInfo.Accelerator> npus = new HostProbe(root, "Linux").npus();
        assertEquals(2, npus.size());
        assertEquals("Intel NPU (intel_vpu)", npus.get(0).name());
        assertEquals("/sys/class/accel/accel0", npus.get(0).evidence());
        assertEquals("AMD NPU (amdxdna)", npus.get(1).name());
        assertTrue(npus.stream().allMatch(n -> n.kind().equals("npu")));
    }

    @Test
    void noAccelClassMeansNoNpu(@TempDir Path root) {
        assertTrue(new HostProbe(root, "Linux").npus().isEmpty());
    }

    @Test
    void thisMachineIsDescribedAndFingerprintedWithoutItsName() {
        HostInfo host = HostProbe.ofThisMachine().probe();
        assertTrue(host.cpu().logicalCores() >= 1 && host.memoryBytes() > 0);
        assertTrue(host.fingerprint().startsWith("sha256:"));
        HostInfo.Cpu other = new HostInfo.Cpu("Another CPU", "x", 4, 8, 0);
        assertNotEquals(host.fingerprint(), HostProbe.fingerprint(other, host.memoryBytes(), host.accelerators(), host.os(), host.arch()));
        assertEquals(host.fingerprint(), HostProbe.fingerprint(host.cpu(), host.memoryBytes(), host.accelerators(), host.os(), host.arch()));
    }
}
