package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ParseLimitsTest {

    @Test
    void theDefaults() {
        assertEquals(new ParseLimits(1 << 20, 64, 1 << 20), ParseLimits.defaults());
    }

    @Test
    void eachBoundHasItsWither() {
        ParseLimits limits = ParseLimits.defaults().withMaxDocumentBytes(10).withMaxNestingDepth(2).withMaxStringLength(3);
        assertEquals(new ParseLimits(10, 2, 3), limits);
    }

    @Test
    void boundsOutOfRangeAreRefusedByName() {
        assertEquals("maxDocumentBytes out of range: 0",
                assertThrows(IllegalArgumentException.class, () -> ParseLimits.defaults().withMaxDocumentBytes(0)).getMessage());
        assertEquals("maxNestingDepth out of range: -1",
                assertThrows(IllegalArgumentException.class, () -> ParseLimits.defaults().withMaxNestingDepth(-1)).getMessage());
        assertEquals("maxStringLength out of range: 2147483640",
                assertThrows(IllegalArgumentException.class, () -> ParseLimits.defaults().withMaxStringLength(Integer.MAX_VALUE - 7))
                        .getMessage());
        assertEquals(Integer.MAX_VALUE - 8, ParseLimits.defaults().withMaxDocumentBytes(Integer.MAX_VALUE - 8).maxDocumentBytes());
    }
}
