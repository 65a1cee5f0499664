package dev.hookgen.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.WebhookDispatcher;
import dev.hookgen.cometchat.WebhookHandler;
import dev.hookgen.inbox.postgresql.InboxSettings;
import dev.hookgen.inbox.postgresql.OldCatalog;
import dev.hookgen.inbox.postgresql.Samples;
import dev.hookgen.runtime.receiver.WebhookReceiver;
import dev.hookgen.runtime.receiver.WebhookReceiver.Outcome;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.core.annotation.Order;

/** Which beans the starter makes, from which properties and application beans, and how it refuses a bad setup. */
class HookgenAutoConfigurationTest {

    @TempDir
    Path dir;

    private WebApplicationContextRunner runner() {
        return new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HookgenAutoConfiguration.class))
                .withPropertyValues("hookgen.receiver.credentials[0].username=u", "hookgen.receiver.credentials[0].password=p",
                        "hookgen.receiver.dead-letters=" + dir);
    }

    private static WebhookReceiver.Response post(WebhookReceiver<?> receiver, byte[] body) {
        InputStream in = new ByteArrayInputStream(body);
        return receiver.handle(Http.basic("u", "p"), in, body.length);
    }

    @Test
    void everyDispatcherThenEveryHandlerGetsEachEventInOrder() {
        List<String> calls = new CopyOnWriteArrayList<>();
        runner().withBean("second", WebhookHandler.class, () -> new OrderedHandler(calls, "handler 2"))
                .withBean("first", WebhookHandler.class, () -> new FirstHandler(calls))
                .withBean(WebhookDispatcher.class, () -> WebhookDispatcher.builder()
                        .on(MessageSentEvent.class, event -> calls.add("dispatcher")).build())
                .run(context -> {
                    assertTrue(context.getStartupFailure() == null, String.valueOf(context.getStartupFailure()));
                    WebhookReceiver<?> receiver = context.getBean(WebhookReceiver.class);
                    assertEquals(Outcome.ACCEPTED, post(receiver, Samples.get("message_sent.json")).outcome());
                    assertEquals(List.of("dispatcher", "handler 1", "handler 2"), calls);
                    assertTrue(context.containsBean("webhookController"));
                });
    }

    @Test
    void aCatalogOfAnotherPackageIsOneBean() {
        List<String> handled = new CopyOnWriteArrayList<>();
        runner().withBean(WebhookCatalog.class, () -> WebhookCatalog.of(OldCatalog.reader(), event -> handled.add(event.getClass().getSimpleName())))
                .run(context -> {
                    WebhookReceiver<?> receiver = context.getBean(WebhookReceiver.class);
                    assertEquals(Outcome.ACCEPTED, post(receiver, Samples.get("user_blocked.json")).outcome());
                    assertEquals(List.of("Unknown"), handled, "the catalog's own unknown event: it has no user_blocked");
                    assertEquals(Outcome.DEAD_LETTERED, post(receiver, Samples.get("message_sent.json")).outcome(),
                            "its own schema for message_sent, which the sample does not fit");
                    assertFalse(context.getBeansOfType(WebhookCatalog.class).isEmpty());
                });
    }

    @Test
    void withoutAHandlerTheApplicationDoesNotStartAndSaysWhatToDeclare() {
        runner().run(context -> assertEquals("hookgen: no bean to hand CometChat webhooks to: declare a "
                + "dev.hookgen.cometchat.WebhookHandler or WebhookDispatcher bean (or, for a catalog of your own, "
                + "a dev.hookgen.spring.boot.WebhookCatalog bean)", rootCause(context.getStartupFailure()).getMessage()));
    }

    @Test
    void withoutCredentialsOrWithAHalfPairTheApplicationDoesNotStart() {
        WebApplicationContextRunner none = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(HookgenAutoConfiguration.class))
                .withBean(WebhookHandler.class, () -> new WebhookHandler() { });
        none.run(context -> assertEquals("hookgen.receiver.credentials: set at least one pair, the user name and password of the "
                + "CometChat webhook's Basic Auth (hookgen.receiver.credentials[0].username and .password)",
                rootCause(context.getStartupFailure()).getMessage()));
        none.withPropertyValues("hookgen.receiver.credentials[0].username=u", "hookgen.receiver.credentials[0].password=p",
                "hookgen.receiver.credentials[1].username=v").run(context -> assertEquals(
                        "hookgen.receiver.credentials[1]: set both .username and .password", rootCause(context.getStartupFailure()).getMessage()));
        none.withPropertyValues("hookgen.receiver.credentials[0].username=u:x", "hookgen.receiver.credentials[0].password=p")
                .run(context -> assertEquals("hookgen.receiver.credentials[0]: a Basic Auth user name is not empty and has no ':'",
                        rootCause(context.getStartupFailure()).getMessage()));
    }

    @Test
    void inboxModeWithoutADataSourceSaysWhatItNeeds() {
        runner().withBean(WebhookHandler.class, () -> new WebhookHandler() { })
                .withPropertyValues("hookgen.receiver.mode=inbox")
                .run(context -> assertEquals("hookgen.receiver.mode=inbox needs one DataSource bean on PostgreSQL "
                        + "(spring-boot-starter-jdbc, org.postgresql:postgresql and spring.datasource.url), or a PostgresInbox bean",
                        rootCause(context.getStartupFailure()).getMessage()));
    }

    @Test
    void disabledItMakesNoEndpoint() {
        runner().withBean(WebhookHandler.class, () -> new WebhookHandler() { })
                .withPropertyValues("hookgen.receiver.enabled=false")
                .run(context -> {
                    assertTrue(context.getStartupFailure() == null);
                    assertFalse(context.containsBean("webhookController"));
                    assertTrue(context.getBeansOfType(WebhookReceiver.class).isEmpty());
                });
    }

    @Test
    void theInboxPropertiesDefaultToTheInboxsOwnDefaults() {
        assertEquals(InboxSettings.defaults(), new HookgenInboxProperties().toSettings());
    }

    @Test
    void theMetadataDescribesEveryPropertyForIdeCompletion() throws Exception {
        JsonNode metadata;
        try (InputStream json = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            metadata = new ObjectMapper().readTree(json);
        }
        Map<String, JsonNode> properties = new HashMap<>();
        metadata.path("properties").forEach(property -> properties.put(property.path("name").asText(), property));
        for (String name : List.of("hookgen.receiver.path", "hookgen.receiver.credentials", "hookgen.receiver.max-body-bytes",
                "hookgen.receiver.mode", "hookgen.inbox.initialize-schema", "hookgen.inbox.retention", "hookgen.inbox.max-attempts",
                "hookgen.inbox.backoff.initial")) {
            assertTrue(properties.containsKey(name), name + " in " + properties.keySet());
            assertFalse(properties.get(name).path("description").asText().isBlank(), name + " has a description");
        }
        assertEquals("/webhooks/cometchat", properties.get("hookgen.receiver.path").path("defaultValue").asText());
        assertEquals("direct", properties.get("hookgen.receiver.mode").path("defaultValue").asText());
        assertEquals("1MB", properties.get("hookgen.receiver.max-body-bytes").path("defaultValue").asText());
    }

    private static Throwable rootCause(Throwable failure) {
        assertInstanceOf(Throwable.class, failure, "the context was expected not to start");
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A handler bean with an order. */
    @Order(2)
    static class OrderedHandler implements WebhookHandler {
        private final List<String> calls;
        private final String name;

        OrderedHandler(List<String> calls, String name) {
            this.calls = calls;
            this.name = name;
        }

        @Override
        public void onMessageSent(MessageSentEvent event) {
            calls.add(name);
        }
    }

    @Order(1)
    static class FirstHandler extends OrderedHandler {
        FirstHandler(List<String> calls) {
            super(calls, "handler 1");
        }
    }
}
