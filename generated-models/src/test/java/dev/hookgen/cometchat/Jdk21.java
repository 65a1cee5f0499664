package dev.hookgen.cometchat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A javac of JDK 21 or newer ({@code JAVA21_HOME}, or one under {@code /usr/lib/jvm}), for code the jar's users write in Java 21. */
final class Jdk21 {

    private Jdk21() {
    }

    static Optional<Path> javac() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String home = System.getenv("JAVA21_HOME");
        if (home != null) {
            candidates.add(Path.of(home, "bin", "javac"));
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                candidates.addAll(list.map(p -> p.resolve("bin/javac")).sorted(Comparator.reverseOrder())
                        .collect(Collectors.toList()));
            }
        }
        return candidates.stream().filter(Files::isExecutable).filter(Jdk21::isAtLeast21).findFirst();
    }

    private static boolean isAtLeast21(Path javac) {
        try {
            Process process = new ProcessBuilder(javac.toString(), "-version").redirectErrorStream(true).start();
            String version = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            process.waitFor(30, TimeUnit.SECONDS);
            String major = version.replaceFirst("^javac (\\d+).*", "$1");
            return major.matches("\\d+") && Integer.parseInt(major) >= 21;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
