package dev.hookgen.examples.receiver;

import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.runtime.receiver.EventHandler;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The example's handler: appends each event to a file as one line of JSON ({@link WebhookEvents#toJson}),
 * the JSON Lines format. When {@link #handle} returns, the line is in the file (and on disk when
 * {@code sync} is on): this is the durable hand-off point after which the delivery is answered 200.
 *
 * <p>Thread-safe: lines are written whole, one at a time, so concurrent requests never interleave
 * within a line. A write that fails part-way is cut back off the file, so a failed event (answered
 * 500 and retried by CometChat) leaves no torn line behind. A file whose last line was torn by a
 * crash gets a line break before the first new line. With {@code sync}, concurrent requests share
 * {@code fsync} calls (group commit): 8 writers cost far fewer than 8 {@code fsync}s. If an
 * {@code fsync} fails, the line stays in the file but the delivery is answered 500: the retry may
 * then write it a second time (at-least-once, never lost).
 */
public final class JsonLinesHandler implements EventHandler<WebhookEvent>, Closeable {

    private final Path file;

    private final FileChannel channel;

    private final boolean sync;

    private final ReentrantLock lock = new ReentrantLock();

    private final Object syncLock = new Object();

    /** How much of the file is known to be on disk; guarded by {@link #syncLock}. */
    private long synced;

    private JsonLinesHandler(Path file, FileChannel channel, boolean sync) {
        this.file = file;
        this.channel = channel;
        this.sync = sync;
    }

    /**
     * Opens (or creates) the file for appending.
     *
     * @param sync whether every line is forced to the storage device before {@link #handle} returns
     *     ({@code fsync}; about 0.2 to 1 ms a line on an ordinary disk) or only handed to the
     *     operating system (lost if the machine, not just the process, dies)
     */
    public static JsonLinesHandler open(Path file, boolean sync) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        try {
            if (endsInsideALine(file)) {
                writeFully(channel, ByteBuffer.wrap(new byte[] {'\n'}));
            }
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new JsonLinesHandler(file, channel, sync);
    }

    @Override
    public void handle(WebhookEvent event) throws IOException {
        byte[] line = (WebhookEvents.toJson(event) + "\n").getBytes(StandardCharsets.UTF_8);
        long end;
        lock.lock();
        try {
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
            end = before + line.length;
        } finally {
            lock.unlock();
        }
        if (sync) {
            syncUpTo(end);
        }
    }

    /**
     * Group commit: one {@code fsync} covers every line written before it started, so the threads
     * that waited for it find their line already on disk and return without one of their own.
     */
    private void syncUpTo(long end) throws IOException {
        synchronized (syncLock) {
            if (synced >= end) {
                return;
            }
            long written = channel.size();
            channel.force(false);
            synced = written;
        }
    }

    public Path file() {
        return file;
    }

    /** Forces what was written to disk and closes the file. */
    @Override
    public void close() throws IOException {
        lock.lock();
        try {
            if (channel.isOpen()) {
                channel.force(true);
                channel.close();
            }
        } finally {
            lock.unlock();
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

    private static void writeFully(FileChannel channel, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }
}
