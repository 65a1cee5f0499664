package dev.hookgen.examples.receiver;

import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.EventHandler;
import dev.hookgen.runtime.receiver.Fsync;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The example's handler: appends each event to a file as one line of JSON ({@link WebhookEvents#toJson}),
 * the JSON Lines format. When {@link #handle} returns, the line is in the file at the configured path (and on
 * disk when {@code sync} is on): this is the durable hand-off point after which the delivery is answered 200.
 *
 * <p><b>Rotation and deletion.</b> Before each write the file at the path is checked to be the one open (same
 * device and inode); when it was deleted or renamed (by {@code logrotate}, {@code mv}, {@code rm}), a new file is
 * created at the path and written to instead. After the write (and the {@code fsync}) the check is made again, and
 * a line that went to a file moved away in between is written again to the new one: a line may then be in both
 * (at-least-once), but {@link #handle} never returns for a line that is not in the file at the path. If no file can
 * be created there, {@link #handle} throws and the delivery is answered 500. After a file is created, its folder is
 * forced to disk too ({@link Fsync}), so that the new name survives a power loss.
 *
 * <p>Thread-safe: lines are written whole, one at a time, so concurrent requests never interleave
 * within a line. A write that fails part-way is cut back off the file, so a failed event (answered
 * 500 and retried by CometChat) leaves no torn line behind. A file whose last line was torn by a
 * crash gets a line break before the first new line. With {@code sync}, concurrent requests share
 * {@code fsync} calls (group commit): 8 writers cost far fewer than 8 {@code fsync}s. If an
 * {@code fsync} fails, the line stays in the file but the delivery is answered 500: the retry may
 * then write it a second time (at-least-once, never lost).
 *
 * <p><b>Truncation</b> ({@code logrotate}'s {@code copytruncate}) keeps the file, so nothing is reopened: lines go on
 * at the file's new end (it is open for appending), and each is still forced to disk before {@link #handle} returns,
 * because group commit counts the bytes this handler wrote, not the file's length, which the truncation set back.
 * Lines written while {@code logrotate} copies the file, before it truncates it, are in neither file: that is
 * {@code copytruncate}'s own gap (its manual says so), which rotation by renaming does not have.
 */
public final class JsonLinesHandler implements EventHandler<WebhookEvent>, Closeable {

    /** How often one line is written again when the file keeps being replaced under it. */
    static final int MAX_ATTEMPTS = 3;

    private final Path file;

    private final boolean sync;

    /** Guards {@link #current}, every write, and reopening. */
    private final ReentrantLock lock = new ReentrantLock();

    private Segment current;

    private boolean closed;

    private JsonLinesHandler(Path file, boolean sync, Segment current) {
        this.file = file;
        this.sync = sync;
        this.current = current;
    }

    /**
     * Opens (or creates) the file for appending.
     *
     * @param sync whether every line is forced to the storage device before {@link #handle} returns
     *     ({@code fsync}; about 0.2 to 1 ms a line on an ordinary disk) or only handed to the
     *     operating system (lost if the machine, not just the process, dies)
     */
    public static JsonLinesHandler open(Path file, boolean sync) throws IOException {
        return new JsonLinesHandler(file, sync, Segment.open(file));
    }

    @Override
    public void handle(WebhookEvent event) throws IOException {
        byte[] line = (WebhookEvents.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Segment segment;
            long end;
            lock.lock();
            try {
                segment = currentSegment();
                end = segment.append(line);
            } finally {
                lock.unlock();
            }
            try {
                if (sync) {
                    segment.syncUpTo(end);
                }
            } catch (ClosedChannelException replacedMeanwhile) {
                continue; // another request found the file replaced and closed this one (after forcing it)
            }
            if (segment.isAt(file)) {
                return;
            }
        }
        throw new IOException("the events file " + file + " was replaced during each of " + MAX_ATTEMPTS + " attempts to write a line");
    }

    /** The open file, reopened first when the file at the path is another one or none. */
    private Segment currentSegment() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (!current.isAt(file)) {
            Segment replaced = current;
            current = Segment.open(file);
            replaced.close();
        }
        return current;
    }

    public Path file() {
        return file;
    }

    /** How many times the open file was forced to disk ({@code fsync}) since it was opened; for tests and diagnostics. */
    long syncs() {
        lock.lock();
        try {
            return current.syncs();
        } finally {
            lock.unlock();
        }
    }

    /** Forces what was written to disk and closes the file. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (!closed) {
                closed = true;
                current.close();
            }
        } finally {
            lock.unlock();
        }
    }

    /** One open file: its channel, its identity on disk, and how much of it is known to be on disk. */
    private static final class Segment {

        private final FileChannel channel;

        /** The file's device and inode ({@link BasicFileAttributes#fileKey()}); null where the platform has none. */
        private final Object key;

        private final Object syncLock = new Object();

        /**
         * How many bytes this segment has appended, ever: the positions group commit counts in. Not the file's
         * length, which a truncation from outside ({@code copytruncate}) sets back while lines go on being written.
         * Changed only under the handler's lock.
         */
        private volatile long appended;

        /** How much of {@link #appended} is known to be on disk; guarded by {@link #syncLock}. */
        private long synced;

        /** How many times the file was forced; guarded by {@link #syncLock}. */
        private long syncs;

        private Segment(FileChannel channel, Object key) {
            this.channel = channel;
            this.key = key;
        }

        /** Opens the file at {@code file} for appending, creating it (and forcing its folder) when missing. */
        static Segment open(Path file) throws IOException {
            while (true) {
                FileChannel channel;
                boolean created;
                try {
                    channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    created = true;
                } catch (FileAlreadyExistsException exists) {
                    try {
                        channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    } catch (NoSuchFileException goneMeanwhile) {
                        continue;
                    }
                    created = false;
                }
                try {
                    if (created) {
                        Path folder = file.toAbsolutePath().getParent();
                        if (folder != null) {
                            Fsync.directory(folder);
                        }
                    } else if (endsInsideALine(file)) {
                        writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
                    }
                    // the identity of what was opened: the path's, read right after opening it
                    return new Segment(channel, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
                } catch (NoSuchFileException goneMeanwhile) {
                    channel.close();
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
            }
        }

        /** Whether the file at {@code file} is this one: false when it was deleted, or renamed and replaced. */
        boolean isAt(Path file) throws IOException {
            if (!channel.isOpen()) {
                return false;
            }
            try {
                return Objects.equals(key, Files.readAttributes(file, BasicFileAttributes.class).fileKey());
            } catch (NoSuchFileException deleted) {
                return false;
            }
        }

        /**
         * Appends the line whole, or cuts a partial write back off; returns how many bytes this segment has appended
         * with it ({@link #appended}), for {@link #syncUpTo}. Called under the handler's lock.
         */
        long append(byte[] line) throws IOException {
            long before = channel.size();
            try {
                writeFully(channel, ByteBuffer.wrap(line));
            } catch (IOException e) {
                try {
                    channel.truncate(before);
                } catch (IOException cutFailed) {
                    e.addSuppressed(cutFailed);
                }
                throw e;
            }
            appended += line.length;
            return appended;
        }

        /**
         * Group commit: one {@code fsync} covers every line appended before it started, so the threads
         * that waited for it find their line already on disk and return without one of their own.
         *
         * @param end what {@link #append} returned for the line
         */
        void syncUpTo(long end) throws IOException {
            synchronized (syncLock) {
                if (synced >= end) {
                    return;
                }
                long covered = appended;
                channel.force(false);
                synced = covered;
                syncs++;
            }
        }

        long syncs() {
            synchronized (syncLock) {
                return syncs;
            }
        }

        /** Forces what was written to disk and closes. */
        void close() throws IOException {
            synchronized (syncLock) {
                if (channel.isOpen()) {
                    try {
                        channel.force(true);
                    } finally {
                        channel.close();
                    }
                }
            }
        }

        private static boolean endsInsideALine(Path file) throws IOException {
            try (FileChannel reader = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = reader.size();
                if (size == 0) {
                    return false;
                }
                ByteBuffer last = ByteBuffer.allocate(1);
                reader.read(last, size - 1);
                return last.get(0) != '\n';
            }
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
