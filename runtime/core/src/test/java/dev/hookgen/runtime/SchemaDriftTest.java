package dev.hookgen.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.runtime.WebhookParseException.Kind;
import dev.hookgen.runtime.catalog.OtherSubject;
import dev.hookgen.runtime.catalog.Ping;
import dev.hookgen.runtime.catalog.TestEvent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Required fields enforced; fields of another type tolerated where the schema allows, named, and kept. */
class SchemaDriftTest {

    private static final EventReader<TestEvent> READER = TestEvent.reader();

    private static final EventReader<TestEvent> STRICT = READER.withDriftPolicy(DriftPolicy.REJECT);

    private static WebhookParseException reject(String body) {
        return assertThrows(WebhookParseException.class, () -> READER.parse(body));
    }

    private static Ping tolerated(String body, String... drift) {
        Ping ping = assertInstanceOf(Ping.class, READER.parse(body));
        assertEquals(List.of(drift), ping.schemaDrift().stream().map(SchemaDrift::toString).toList());
        assertEquals(Json.tree(body), Json.tree(READER.toJson(ping)), "written back as it came");
        WebhookParseException strict = assertThrows(WebhookParseException.class, () -> STRICT.parse(body));
        assertEquals(Kind.SCHEMA_DRIFT, strict.kind());
        return ping;
    }

    @Test
    void aRequiredFieldMissingOrNullIsDriftSayingWhich() {
        assertEquals("$.data: required by the schema, but missing", reject("{\"trigger\":\"ping\"}").getMessage());
        assertEquals("$.data: required by the schema, but null", reject("{\"trigger\":\"ping\",\"data\":null}").getMessage());
        assertEquals("$.data.id: required by the schema, but missing", reject("{\"trigger\":\"ping\",\"data\":{\"at\":1}}").getMessage());
        assertEquals("$.data.id: required by the schema, but null", reject("{\"data\":{\"id\":null},\"trigger\":\"ping\"}").getMessage());
        WebhookParseException e = reject("{\"trigger\":\"ping\",\"data\":{}}");
        assertEquals(Kind.SCHEMA_DRIFT, e.kind());
        assertEquals(Json.tree("{\"trigger\":\"ping\",\"data\":{}}"), e.payload().orElseThrow());
    }

    @Test
    void aRequiredFieldOfAnotherTypeIsDriftEvenWhenAnOptionalOneWasTolerated() {
        assertEquals("$.data.id", reject("{\"trigger\":\"ping\",\"data\":{\"id\":5}}").location().orElseThrow());
        WebhookParseException both = reject("{\"trigger\":\"ping\",\"data\":{\"at\":\"x\",\"id\":5}}");
        assertEquals("$.data.id", both.location().orElseThrow(), "the first failure that cannot be tolerated is the body's");
        assertEquals(Kind.SCHEMA_DRIFT, both.kind());
    }

    @Test
    void anOptionalScalarOfAnotherTypeIsToleratedNamedAndKept() {
        Ping ping = tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"at\":\"1757955951.000000000390079\"}}",
                "$.data.at: integer expected, found string \"1757955951.000000000390079\"");
        assertNull(ping.getData().getAt());
        assertEquals("1757955951.000000000390079", ping.getData().getAdditionalProperties().get("at").toString().replace("\"", ""));
        SchemaDrift drift = ping.schemaDrift().get(0);
        assertEquals("$.data.at", drift.path());
        assertEquals("integer", drift.expected());
        assertTrue(drift.value().isTextual());
        tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"at\":1.5}}", "$.data.at: integer expected, found number 1.5");
        tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"at\":123456789012345678901234567890}}",
                "$.data.at: integer expected, found number 123456789012345678901234567890");
        tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"score\":\"0.5\"}}", "$.data.score: number expected, found string \"0.5\"");
        tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\"},\"appId\":7}", "$.appId: string expected, found number 7");
        tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"tags\":\"a,b\"}}", "$.data.tags: array expected, found string \"a,b\"");
        tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"subject\":[1]}}", "$.data.subject: object expected, found array [1]");
    }

    @Test
    void aListOfScalarsWithAnItemOfAnotherTypeIsKeptWhole() {
        Ping ping = tolerated("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"tags\":[\"a\",2,\"c\"]}}",
                "$.data.tags[1]: string expected, found array [\"a\",2,\"c\"]");
        assertNull(ping.getData().getTags());
    }

    @Test
    void severalDriftsAreListedInTheOrderOfTheBody() {
        tolerated("{\"trigger\":\"ping\",\"appId\":1,\"data\":{\"id\":\"1\",\"at\":true,\"subject\":{\"kind\":\"bot\"}},\"region\":[]}",
                "$.appId: string expected, found number 1", "$.data.at: integer expected, found boolean true",
                "$.region: string expected, found array []");
    }

    @Test
    void pathsAreRightWhereJacksonBuffersFieldsBeforeATypeId() {
        tolerated("{\"data\":{\"subject\":{\"x\":{\"y\":1},\"kind\":\"bot\"},\"at\":\"late\",\"id\":\"1\"},\"webhook\":5,\"trigger\":\"ping\"}",
                "$.data.at: integer expected, found string \"late\"", "$.webhook: string expected, found number 5");
    }

    @Test
    void aUnionVariantWithoutAnAnySetterCannotKeepAValueOfAnotherType() {
        WebhookParseException e = reject("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"subject\":{\"kind\":\"user\",\"uid\":7}}}");
        assertEquals("$.data.subject.uid", e.location().orElseThrow());
        Ping other = assertInstanceOf(Ping.class, READER.parse("{\"trigger\":\"ping\",\"data\":{\"id\":\"1\",\"subject\":{\"kind\":\"bot\",\"uid\":7}}}"));
        assertInstanceOf(OtherSubject.class, other.getData().getSubject());
        assertEquals(List.of(), other.schemaDrift(), "uid is not a field of other subjects: it is kept as it came, not drift");
    }

    @Test
    void anEventThatFitsHasNoDriftAndTheStrictReaderTakesIt() {
        assertEquals(List.of(), READER.parse(Json.PING).schemaDrift());
        assertEquals(READER.parse(Json.PING), STRICT.parse(Json.PING));
        assertSame(DriftPolicy.REJECT, STRICT.driftPolicy());
        assertSame(DriftPolicy.TOLERATE, READER.driftPolicy());
        assertEquals(List.of(), READER.parse("{\"trigger\":\"pong\",\"appId\":5}").schemaDrift(), "an unknown trigger has no schema");
    }
}
