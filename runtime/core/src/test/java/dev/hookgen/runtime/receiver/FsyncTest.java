package dev.hookgen.runtime.receiver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsyncTest {

    @TempDir
    Path dir;

    @Test
    void aDirectoryIsForcedAndAMissingOneIsAnError() throws Exception {
        Files.writeString(dir.resolve("created"), "x");
        Fsync.directory(dir);
        NoSuchFileException missing = assertThrows(NoSuchFileException.class, () -> Fsync.directory(dir.resolve("gone")));
        assertEquals(dir.resolve("gone").toString(), missing.getFile());
    }
}
