package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeneratorVersionTest {

    /** "unknown" would let a changed generator or library keep stale sources under an unchanged -SNAPSHOT. */
    @Test
    void theFingerprintIsTheVersionAndADigestOfTheCodeThatWritesTheOutput() {
        String fingerprint = GeneratorVersion.fingerprint();
        assertTrue(fingerprint.matches(java.util.regex.Pattern.quote(GeneratorVersion.get()) + "\\+[0-9a-f]{64}"), fingerprint);
        assertTrue(GeneratorVersion.get().matches("\\d+\\.\\d+\\.\\d+.*"), GeneratorVersion.get());
    }
}
