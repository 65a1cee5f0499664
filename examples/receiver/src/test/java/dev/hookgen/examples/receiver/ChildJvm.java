package dev.hookgen.examples.receiver;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a JVM of its own, on this test's class path, with its standard output and error read
 * line by line: how the receiver runs in production (signals, exit codes, a small heap) without touching the
 * test's own JVM.
 */
final class ChildJvm implements AutoCloseable {

    final Process process;

    private final BlockingQueue<String> output = new LinkedBlockingQueue<>();

    private final List<String> seen = new ArrayList<>();

    private final Thread reader;

    private ChildJvm(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "child-jvm-output");
        reader.start();
    }

    /**
     * Starts {@code java <jvmOptions> -cp <this class path> <mainClass> <arguments>}, standard error merged into
     * standard output.
     */
    static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, List<String> arguments, Map<String, String> environment)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("HOOKGEN_"));
        builder.environment().putAll(environment);
        return new ChildJvm(builder.start());
    }

    /** The next line of output, waiting up to {@code seconds}; fails the test when none comes. */
    String nextLine(int seconds) throws InterruptedException {
        String line = output.poll(seconds, TimeUnit.SECONDS);
        if (line == null) {
            throw new AssertionError("no output within " + seconds + " s; so far: " + seen);
        }
        seen.add(line);
        return line;
    }

    /** Sends SIGTERM (unlike {@link Process#destroy()}, this keeps our end of its output open). */
    void sigterm() {
        if (!process.toHandle().destroy()) {
            throw new AssertionError("cannot send SIGTERM");
        }
    }

    /** Waits for the exit, then returns every line not yet taken. */
    List<String> awaitExit(int seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            throw new AssertionError("still running after " + seconds + " s; output so far: " + seen + output);
        }
        reader.join(5_000);
        List<String> rest = new ArrayList<>();
        output.drainTo(rest);
        seen.addAll(rest);
        return rest;
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
