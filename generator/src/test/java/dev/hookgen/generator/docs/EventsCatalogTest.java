package dev.hookgen.generator.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.GeneratorConfig;
import dev.hookgen.generator.TestSchemas;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import dev.hookgen.generator.schema.TriggerSelection;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventsCatalogTest {

    private static Catalog catalog() {
        return CatalogReader.read(TestSchemas.directory(), GeneratorConfig.DEFAULT_PACKAGE);
    }

    /**
     * The catalog of a selection lists those triggers and only the shapes they reach, named in the
     * configured packages. (The committed schemas/EVENTS.md is rendered by every build, in
     * generated-models, and CI fails when it differs from the committed one.)
     */
    @Test
    void aSelectionListsItsTriggersAndTheShapesTheyReachInTheConfiguredPackages() {
        Catalog catalog = CatalogReader.read(new GeneratorConfig(TestSchemas.directory(), "com.example.hooks", "com.example.hooks.dto",
                new TriggerSelection(List.of("user_*blocked"), List.of())));
        String markdown = EventsCatalog.render(catalog);
        List<String> headings = markdown.lines().filter(line -> line.startsWith("### ")).toList();
        assertEquals(List.of("### user_blocked", "### user_unblocked", "### User", "### UserBlockEventData"), headings);
        assertTrue(markdown.contains("`com.example.hooks.dto.User` · schema [`definitions/user.json`](definitions/user.json)"), markdown);
        assertTrue(markdown.contains("Event classes are in `com.example.hooks`, the classes of their fields in `com.example.hooks.dto`."),
                markdown);
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

                Idempotency key: `/appId`, `/webhook`, `/trigger`, `/data/by/uid`, `keys(/data/users)`, `digest(/data)`

                %s

                - `trigger` `String`, **required**: The trigger's wire name.
                - `data` [`UserBlockEventData`](#userblockeventdata), **required**
                  - `users` `Map<String, User>` of [`User`](#user), **required**: Users keyed by their uid (used for `users`, `members` and `mentions`).
                  - `by` [`User`](#user), **required**
                """.formatted(reason)), markdown);
        assertTrue(markdown.contains("| [`message_sent`](#message_sent) | `MessageSentEvent` | [`MessageEventData`](#messageeventdata)"
                + " | `/appId`, `/webhook`, `/trigger`, `/data/message/id`, `/data/message/sentAt` |\n"));
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
