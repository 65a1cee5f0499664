package dev.hookgen.generator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsCatalogTest {

    private static Catalog catalog() {
        return CatalogReader.read(TestSchemas.directory(), GeneratorConfig.DEFAULT_PACKAGE);
    }

    /** The build's gate: the committed schemas/EVENTS.md is what the schemas give. */
    @Test
    void theCommittedCatalogIsUpToDate() throws Exception {
        Path committed = TestSchemas.directory().resolve("EVENTS.md");
        String rendered = EventsCatalog.render(catalog());
        String current = Files.isRegularFile(committed) ? Files.readString(committed, StandardCharsets.UTF_8) : "";
        if (!rendered.equals(current)) {
            List<String> want = rendered.lines().toList();
            List<String> have = current.lines().toList();
            int line = 0;
            while (line < want.size() && line < have.size() && want.get(line).equals(have.get(line))) {
                line++;
            }
            fail("schemas/EVENTS.md is out of date: run " + EventsCatalog.COMMAND + " (first difference at line " + (line + 1)
                    + ": expected \"" + (line < want.size() ? want.get(line) : "<end>") + "\")");
        }
    }

    @Test
    void renderingIsDeterministic() {
        assertEquals(EventsCatalog.render(catalog()), EventsCatalog.render(catalog()));
    }

    @Test
    void aTriggerShowsItsClassKeyAndFieldTreeAndSharedShapesAreLinked() throws Exception {
        String markdown = EventsCatalog.render(catalog());
        String reason = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(TestSchemas.directory().resolve("triggers/user_blocked.json").toFile())
                .path("x-hookgen-idempotency-key-reason").asText();
        assertTrue(markdown.contains("""
                ### user_blocked

                The hook triggers when a user blocks another user.

                `UserBlockedEvent` · `Trigger.USER_BLOCKED` · `WebhookHandler.onUserBlocked(UserBlockedEvent)` · schema [`triggers/user_blocked.json`](triggers/user_blocked.json)

                Idempotency key: `/webhook`, `/trigger`, `/data/by/uid`, `keys(/data/users)`, `digest(/data)`

                %s

                - `trigger` `String`, **required**: The trigger's wire name.
                - `data` [`UserBlockEventData`](#userblockeventdata), **required**
                  - `users` `Map<String, User>` of [`User`](#user), **required**: Users keyed by their uid (used for `users`, `members` and `mentions`).
                  - `by` [`User`](#user), **required**
                """.formatted(reason)), markdown);
        assertTrue(markdown.contains("| [`message_sent`](#message_sent) | `MessageSentEvent` | [`MessageEventData`](#messageeventdata)"
                + " | `/webhook`, `/trigger`, `/data/message/id`, `/data/message/sentAt` |\n"));
        assertTrue(markdown.contains("""
                Left out of the key:

                - `/data/message/conversationId`: The conversation the message is in, made of its sender and receiver: fixed by its id.
                - `/data/message/sender`: Who sent the message: fixed by its id.
                """), markdown);
        assertTrue(markdown.contains("""
                - `"user"`: [`UserRef`](#userref)
                - anything else: [`UnknownEntityRef`](#unknownentityref)
                """));
        // Each shared shape has one section.
        assertEquals(1, markdown.lines().filter("### User"::equals).count());
    }

    @Test
    void anchorsAndTypesAreWrittenAsGitHubAndReadersExpect() {
        assertEquals("message_sent", EventsCatalog.anchor("message_sent"));
        assertEquals("shared-shapes", EventsCatalog.anchor("Shared shapes"));
        assertEquals("Map<String, User>", EventsCatalog.simplify("java.util.Map<java.lang.String,dev.hookgen.cometchat.model.User>"));
    }
}
