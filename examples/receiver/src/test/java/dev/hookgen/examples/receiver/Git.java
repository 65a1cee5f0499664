package dev.hookgen.examples.receiver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The git command of the machine, on the working tree the tests run in. */
final class Git {

    private Git() {
    }

    /** The top of the working tree, or null when there is none (a source archive) or no git. */
    static Path root() throws InterruptedException {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "--show-toplevel").redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? Path.of(out) : null;
        } catch (IOException noGit) {
            return null;
        }
    }

    /** Whether {@code path}, relative to {@code root}, is ignored ({@code git check-ignore}). */
    static boolean ignores(Path root, String path) throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "check-ignore", "-q", path).directory(root.toFile()).redirectErrorStream(true).start();
        git.getInputStream().readAllBytes();
        if (!git.waitFor(30, TimeUnit.SECONDS)) {
            git.destroyForcibly();
            throw new IllegalStateException("git check-ignore " + path + " did not end");
        }
        if (git.exitValue() > 1) {
            throw new IllegalStateException("git check-ignore " + path + " failed: exit " + git.exitValue());
        }
        return git.exitValue() == 0;
    }
}
