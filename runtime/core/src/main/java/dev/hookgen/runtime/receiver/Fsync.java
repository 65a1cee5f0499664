package dev.hookgen.runtime.receiver;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * Forces a directory's entries to disk ({@code fsync} on the directory). Forcing a file makes its
 * contents durable, not its name: after a file is created or renamed, POSIX systems keep the new entry
 * only once its directory is forced too (see {@code fsync(2)}: "an explicit fsync() on a file descriptor
 * for the directory is also needed"). Without it a power loss can leave an acknowledged file nameless.
 */
public final class Fsync {

    private static final boolean WINDOWS = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private Fsync() {
    }

    /**
     * Forces the entries of {@code directory} to disk. On Windows, where a directory cannot be opened
     * this way and NTFS journals its entries itself, this does nothing.
     *
     * @throws IOException when the directory cannot be opened or forced, e.g. {@code NoSuchFileException}
     */
    public static void directory(Path directory) throws IOException {
        if (WINDOWS) {
            return;
        }
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }
}
