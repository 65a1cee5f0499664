package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hookgen.runtime.WebhookParseException.Kind;
import java.io.IOException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookParseExceptionTest {

    @Test
    void theMessageIsTheLocationAndTheProblem() {
        JsonNode payload = Json.tree("{\"a\":1}");
        IOException cause = new IOException("x");
        WebhookParseException e = new WebhookParseException(Kind.SCHEMA_DRIFT, "must be a string", "$.a", payload, cause);
        assertEquals("$.a: must be a string", e.getMessage());
        assertEquals("must be a string", e.problem());
        assertEquals(Optional.of("$.a"), e.location());
        assertSame(payload, e.payload().orElseThrow());
        assertSame(cause, e.getCause());
        assertTrue(e.isSchemaDrift());
    }

    @Test
    void withoutALocationTheMessageIsTheProblem() {
        WebhookParseException e = new WebhookParseException(Kind.LIMIT_EXCEEDED, "too large", null, null, null);
        assertEquals("too large", e.getMessage());
        assertEquals(Optional.empty(), e.location());
        assertEquals(Optional.empty(), e.payload());
        assertFalse(e.isSchemaDrift());
        assertEquals(Kind.LIMIT_EXCEEDED, e.kind());
    }
}
