package dev.hookgen.runtime.receiver;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeadLettersTest {

    @TempDir
    Path dir;

    @Test
    void aPayloadIsSavedAsItsExactBytesOnceNamedByTriggerAndDigest() throws IOException {
        DeadLetters letters = new DeadLetters(dir.resolve("a/b"));
        byte[] body = "{ \"trigger\": \"ping\" }\n".getBytes(UTF_8);
        Path saved = letters.save(body, "ping");
        assertEquals(dir.resolve("a/b"), saved.getParent());
        assertEquals("ping.", saved.getFileName().toString().substring(0, 5));
        assertArrayEquals(body, Files.readAllBytes(saved));
        assertEquals(saved, letters.save(body, "ping"), "the same payload twice is one file");
        assertNotEquals(saved, letters.save("{}".getBytes(UTF_8), "ping"));
        try (Stream<Path> files = Files.list(dir.resolve("a/b"))) {
            assertEquals(2, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theTriggerIsMadeSafeForAFileName() throws IOException {
        DeadLetters letters = new DeadLetters(dir);
        assertEquals("no-trigger.", letters.save(new byte[] {1}, null).getFileName().toString().substring(0, 11));
        assertEquals("______etc_passwd.", letters.save(new byte[] {2}, "../../etc/passwd").getFileName().toString().substring(0, 17));
        String name = letters.save(new byte[] {3}, "x".repeat(500)).getFileName().toString();
        assertEquals("x".repeat(64) + ".", name.substring(0, 65));
        assertEquals(dir, letters.save(new byte[] {4}, "a/\u00e9\n").getParent());
    }
}
