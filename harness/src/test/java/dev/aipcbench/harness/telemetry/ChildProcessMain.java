package dev.aipcbench.harness.telemetry;

import java.io.IOException;

/** A stand-in benchmark fork: holds some memory and lives until its stdin closes. */
public final class ChildProcessMain {

    private ChildProcessMain() {
    }

    public static void main(String[] args) throws IOException {
        byte[] held = new byte[32 * 1024 * 1024];
        for (int i = 0; i < held.length; i += 4096) {
            held[i] = 1; // touched, so it is resident
        }
        System.out.println("ready " + held.length);
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for the parent to close our stdin
        }
    }
}
