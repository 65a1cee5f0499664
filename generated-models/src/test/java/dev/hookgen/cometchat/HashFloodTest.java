package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Hash flooding cannot break parsing for the rest of the process: {@link HashFlood} in fresh JVMs (the symbol
 * tables it attacks are the shared parser's, created once per JVM), each hostile body answered in under 250 ms of
 * CPU.
 */
class HashFloodTest {

    private static final int JVMS = 3;

    private static final long MAX_CPU_MILLIS = 250;

    @Test
    void afterHashFloodingEverySampleStillParsesInEachFreshJvm() throws IOException, InterruptedException {
        for (int jvm = 0; jvm < JVMS; jvm++) {
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HashFlood.class.getName())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the flood finished");
            List<String> lines = output.lines().toList();
            assertEquals(0, process.exitValue(), "JVM " + jvm + ":\n" + output);
            List<Long> cpu = lines.stream().filter(line -> line.startsWith("cpu-ms ")).map(line -> Long.parseLong(line.substring(7))).toList();
            assertEquals(12, cpu.size(), output);
            assertTrue(cpu.stream().allMatch(millis -> millis < MAX_CPU_MILLIS), "CPU per hostile body, ms: " + cpu);
            System.out.println("HashFloodTest: JVM " + jvm + ", CPU per hostile body (ms): " + cpu);
        }
    }
}
