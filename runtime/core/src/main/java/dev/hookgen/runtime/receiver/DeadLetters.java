package dev.hookgen.runtime.receiver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * A folder of payloads that were valid JSON but did not fit the typed contract (schema drift):
 * CometChat changed a field the schemas describe. Each is saved whole, exactly the bytes that
 * arrived, one file per payload named {@code <trigger>.<sha256 of the body>.json}, so that the same
 * payload delivered twice is one file, and a file can be posted again as it is once the schemas
 * and the jar are updated:
 * {@code curl -u U:P --data-binary @dead/message_sent.3f2a...json http://host/webhooks/cometchat}.
 *
 * <p>A file appears whole or not at all: it is written under a temporary name, forced to disk and
 * then renamed, and the folder is forced after the rename ({@link Fsync}), so that a payload answered
 * 200 keeps its name through a power loss.
 */
public final class DeadLetters {

    private final Path directory;

    /** Creates the folder when it does not exist, and then forces its parent folder to disk. */
    public DeadLetters(Path directory) throws IOException {
        boolean created = !Files.isDirectory(directory);
        this.directory = Files.createDirectories(directory);
        Path parent = this.directory.toAbsolutePath().getParent();
        if (created && parent != null) {
            Fsync.directory(parent);
        }
    }

    /**
     * Saves one payload.
     *
     * @param trigger the payload's {@code trigger} if it had a string one, for the file name; else null
     * @return the file
     */
    public Path save(byte[] body, String trigger) throws IOException {
        Path target = directory.resolve(fileName(trigger) + "." + sha256(body) + ".json");
        if (Files.exists(target)) {
            Fsync.directory(directory); // the first attempt may have failed between its rename and this
            return target;
        }
        Path temporary = directory.resolve(".incoming-" + UUID.randomUUID() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(body);
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            Fsync.directory(directory);
        } finally {
            Files.deleteIfExists(temporary);
        }
        return target;
    }

    public Path directory() {
        return directory;
    }

    /** The trigger made safe for a file name: letters, digits, '_' and '-', at most 64 of them. */
    private static String fileName(String trigger) {
        if (trigger == null || trigger.isEmpty()) {
            return "no-trigger";
        }
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < trigger.length() && name.length() < 64; i++) {
            char c = trigger.charAt(i);
            boolean safe = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-');
            name.append(safe ? c : '_');
        }
        return name.toString();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
