package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.schema.SchemaException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad schema stops the run with one message naming the file, the JSON pointer and the broken rule. */
class SchemaErrorsTest {

    private static final String SENT = "triggers/message_sent.json";

    @TempDir
    Path temp;

    @Test
    void theBaseSetIsValid() {
        GeneratedFiles files = generate(new SchemaDirectory());
        assertTrue(files.asMap().containsKey("com/example/hooks/MessageSentEvent.java"));
        assertTrue(files.asMap().containsKey("com/example/hooks/model/Metadata.java"));
    }

    @Test
    void aRefThatDoesNotResolve() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "../definitions/message-event-data.json", "../definitions/mesage.json");
        assertFails(schemas, SENT, "/properties/data",
                "schema triggers/message_sent.json: /properties/data: $ref \"../definitions/mesage.json\" not found");
    }

    @Test
    void aRefWhoseFragmentDoesNotResolve() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "#/definitions/region", "#/definitions/regoin");
        assertFails(schemas, SENT, "/properties/region",
                "schema triggers/message_sent.json: /properties/region: $ref \"../definitions/envelope.json#/definitions/regoin\" not found");
    }

    @Test
    void anObjectWithoutJavaType() {
        SchemaDirectory schemas = new SchemaDirectory().replace("definitions/message.json",
                "\"javaType\": \"com.example.hooks.model.Metadata\",", "");
        assertFails(schemas, "definitions/message.json", "/properties/metadata",
                "schema definitions/message.json: /properties/metadata: an object that becomes a class needs a fully qualified"
                        + " \"javaType\" (without one, jsonschema2pojo names it after the property, and a second copy becomes Name__1)");
    }

    @Test
    void twoSchemasClaimingOneTrigger() {
        SchemaDirectory schemas = new SchemaDirectory().with("triggers/message_sent_again.json", SchemaDirectory.trigger(
                "message_sent_again", "com.example.hooks.MessageSentEvent", "\"message_sent\"",
                "[\"/webhook\"]", "../definitions/message-event-data.json"));
        assertFails(schemas, "triggers/message_sent_again.json", "/x-hookgen-trigger",
                "schema triggers/message_sent_again.json: /x-hookgen-trigger: trigger \"message_sent\" is already claimed by"
                        + " triggers/message_sent.json");
    }

    @Test
    void anIdempotencyKeyPointerThatDoesNotResolve() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"/data/message/id\"", "\"/data/message/uid\"");
        assertFails(schemas, SENT, "/x-hookgen-idempotency-key/2",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key/2: \"/data/message/uid\" does not resolve:"
                        + " no property \"uid\" in definitions/message.json");
    }

    @Test
    void anIdempotencyKeyPointerAtAnObject() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"/data/message/id\"", "\"/data/message/sender\"");
        assertFails(schemas, SENT, "/x-hookgen-idempotency-key/2",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key/2: \"/data/message/sender\" must point at"
                        + " a string, integer, number or boolean; keys(/data/message/sender) takes the keys of a map,"
                        + " digest(/data/message/sender) a digest of any value");
    }

    @Test
    void keysOfSomethingThatIsNotAMap() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"/data/message/id\"", "\"keys(/data/message/sender)\"");
        assertFails(schemas, SENT, "/x-hookgen-idempotency-key/2",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key/2: \"keys(/data/message/sender)\" must name"
                        + " a map keyed by id: an object whose existingJavaType is java.util.Map<java.lang.String,...>");
    }

    @Test
    void aKeyPartThatIsNeitherAPointerNorAFunctionOfOne() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"/data/message/id\"", "\"hash(/data/message)\"");
        assertFails(schemas, SENT, "/x-hookgen-idempotency-key/2",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key/2: must be a JSON pointer such as"
                        + " \"/data/message/id\", keys(<pointer>) or digest(<pointer>), got \"hash(/data/message)\"");
        SchemaDirectory empty = new SchemaDirectory().replace(SENT, "\"/data/message/id\"", "\"digest()\"");
        assertFails(empty, SENT, "/x-hookgen-idempotency-key/2",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key/2: must be a JSON pointer such as"
                        + " \"/data/message/id\", keys(<pointer>) or digest(<pointer>), got \"digest()\"");
    }

    @Test
    void aKeyReasonThatSaysNothing() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"x-hookgen-trigger\"",
                "\"x-hookgen-idempotency-key-reason\": \" \", \"x-hookgen-trigger\"");
        assertFails(schemas, SENT, "/x-hookgen-idempotency-key-reason",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key-reason: must be a non-empty string:"
                        + " why the key's parts identify one occurrence");
    }

    @Test
    void aKeyExclusionWithoutAReason() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"x-hookgen-trigger\"",
                "\"x-hookgen-idempotency-key-excludes\": {\"/data/message/sender\": \"\"}, \"x-hookgen-trigger\"");
        assertFails(schemas, SENT, "/x-hookgen-idempotency-key-excludes/~1data~1message~1sender",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key-excludes/~1data~1message~1sender: must be a"
                        + " non-empty string: why a change there does not make another occurrence");
        SchemaDirectory notAPointer = new SchemaDirectory().replace(SENT, "\"x-hookgen-trigger\"",
                "\"x-hookgen-idempotency-key-excludes\": {\"sender\": \"fixed by the id\"}, \"x-hookgen-trigger\"");
        assertFails(notAPointer, SENT, "/x-hookgen-idempotency-key-excludes/sender",
                "schema triggers/message_sent.json: /x-hookgen-idempotency-key-excludes/sender: a pattern is a JSON pointer"
                        + " such as \"/data/message/updatedAt\"");
    }

    @Test
    void anEnumKeyword() {
        SchemaDirectory schemas = new SchemaDirectory().replace("definitions/user.json",
                "\"role\": {\"type\": \"string\",", "\"role\": {\"type\": \"string\", \"enum\": [\"default\", \"admin\"],");
        assertFails(schemas, "definitions/user.json", "/properties/role/enum",
                "schema definitions/user.json: /properties/role/enum: \"enum\" would become a Java enum that rejects values"
                        + " CometChat adds later; keep the type a string and list the values in the description");
    }

    @Test
    void aWireNameThatIsNotLowerSnakeCase() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"x-hookgen-trigger\": \"message_sent\"",
                "\"x-hookgen-trigger\": \"MessageSent\"");
        assertFails(schemas, SENT, "/x-hookgen-trigger",
                "schema triggers/message_sent.json: /x-hookgen-trigger: the wire name must be a lower_snake_case string, got \"MessageSent\"");
    }

    @Test
    void aWireNameThatIsNotAString() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"x-hookgen-trigger\": \"message_sent\"",
                "\"x-hookgen-trigger\": 42");
        assertFails(schemas, SENT, "/x-hookgen-trigger",
                "schema triggers/message_sent.json: /x-hookgen-trigger: the wire name must be a lower_snake_case string, got 42");
    }

    @Test
    void aTriggerJavaTypeNotNamedAfterTheTrigger() {
        SchemaDirectory schemas = new SchemaDirectory().replace(SENT, "\"com.example.hooks.MessageSentEvent\"",
                "\"com.example.other.SentEvent\"");
        assertFails(schemas, SENT, "/javaType",
                "schema triggers/message_sent.json: /javaType: the event class of \"message_sent\" is named MessageSentEvent,"
                        + " not SentEvent: event classes are named after the trigger");
    }

    @Test
    void twoClassesThatLandOnOneNameInTheModelPackage() {
        SchemaDirectory schemas = new SchemaDirectory().replace("definitions/message.json", "\"com.example.hooks.model.Metadata\"",
                "\"com.example.hooks.model.extra.User\"");
        assertFails(schemas, "definitions/user.json", "/javaType",
                "schema definitions/user.json: /javaType: class com.example.hooks.model.User is already declared at"
                        + " definitions/message.json#/properties/metadata; reuse that schema with $ref");
    }

    @Test
    void aSchemaDirectoryWithoutTriggersNamesTheFolderWithoutAPointer() {
        SchemaException e = assertThrows(SchemaException.class,
                () -> Generator.generate(new GeneratorConfig(temp.resolve("nothing"), SchemaDirectory.PACKAGE)));
        assertEquals("schema directory " + temp.resolve("nothing") + ": no triggers/ folder", e.getMessage());
    }

    @Test
    void aClassDeclaredTwice() {
        SchemaDirectory schemas = new SchemaDirectory().with("definitions/sender.json", """
                {"title": "Sender", "description": "A sender.", "type": "object",
                 "javaType": "com.example.hooks.model.User", "properties": {"uid": {"type": "string", "description": "Id."}}}
                """);
        assertFails(schemas, "definitions/user.json", "/javaType",
                "schema definitions/user.json: /javaType: class com.example.hooks.model.User is already declared at"
                        + " definitions/sender.json#; reuse that schema with $ref");
    }

    @Test
    void aSchemaThatIsNotJson() {
        SchemaDirectory schemas = new SchemaDirectory().with("definitions/user.json", "{\"title\": \"User\",, }");
        SchemaException e = assertThrows(SchemaException.class, () -> generate(schemas));
        assertEquals("definitions/user.json", e.file());
        assertEquals("schema definitions/user.json: /: not valid JSON: Unexpected character (',' (code 44)):"
                + " was expecting double-quote to start field name at line 1, column 18", e.getMessage());
    }

    private GeneratedFiles generate(SchemaDirectory schemas) {
        return Generator.generate(new GeneratorConfig(schemas.writeTo(temp), SchemaDirectory.PACKAGE));
    }

    private void assertFails(SchemaDirectory schemas, String file, String pointer, String message) {
        SchemaException e = assertThrows(SchemaException.class, () -> generate(schemas));
        assertEquals(message, e.getMessage());
        assertEquals(file, e.file());
        assertEquals(pointer, e.pointer());
    }
}
