package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar targets Java 17, yet Java 21 code can switch over the sealed {@code WebhookEvent} with
 * patterns, and the compiler checks that every trigger is handled. Needs a JDK 21 or newer ({@link Jdk21});
 * skipped where there is none.
 */
class Java21SwitchTest {

    @TempDir
    Path dir;

    @Test
    void anExhaustiveSwitchCompilesAndMissingOneTriggerDoesNot() throws Exception {
        Path javac = Jdk21.javac().orElse(null);
        assumeTrue(javac != null, "no JDK 21 or newer on this machine");

        List<String> cases = new ArrayList<>();
        for (Trigger trigger : Trigger.values()) {
            cases.add("case " + trigger.eventType().getSimpleName() + " e -> \"" + trigger.wireName() + "\";");
        }
        cases.add("case UnknownEvent e -> \"unknown \" + e.getTrigger();");
        Compilation all = compile(javac, cases);
        assertEquals(0, all.exit(), all.output());

        Compilation missing = compile(javac, cases.subList(1, cases.size()));
        assertEquals(1, missing.exit(), missing.output());
        assertTrue(missing.output().contains("the switch expression does not cover all possible input values"),
                missing.output());
    }

    private record Compilation(int exit, String output) {}

    private Compilation compile(Path javac, List<String> cases) throws IOException, InterruptedException {
        Path source = dir.resolve("src/Summaries.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "import dev.hookgen.cometchat.*;\n"
                + "final class Summaries {\n"
                + "    static String summary(WebhookEvent event) {\n"
                + "        return switch (event) {\n            "
                + String.join("\n            ", cases)
                + "\n        };\n"
                + "    }\n"
                + "}\n", StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(javac.toString(), "--release", "21", "-Xlint:all", "-Werror",
                "-cp", System.getProperty("java.class.path"), "-d", dir.resolve("classes").toString(), source.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "javac finished");
        return new Compilation(process.exitValue(), output);
    }
}
