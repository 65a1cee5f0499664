package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.generator.output.OutputWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generates the small golden schema set into a temporary folder, compiles it with
 * {@code -Xlint:all -Werror --release 17}, loads it, and checks what a user of the generated jar
 * relies on: the sealed hierarchy, the union binding, idempotency keys, dispatch, the trigger enum
 * and lossless round trips.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedCodeTest {

    private static final String API = GoldenFilesTest.SMALL_PACKAGE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JavaCompilation.Result compilation;
    private URLClassLoader loader;

    @BeforeAll
    void generateAndCompile(@TempDir Path temp) {
        Path sources = temp.resolve("src");
        OutputWriter.write(Generator.generate(new GeneratorConfig(GoldenFilesTest.GOLDEN.resolve("small/schemas"), API)), sources);
        compilation = JavaCompilation.compile(sources, temp.resolve("classes"));
        loader = compilation.loader();
    }

    @AfterAll
    void close() throws Exception {
        loader.close();
    }

    @Test
    void compilesWithoutAnyDiagnostic() {
        compilation.assertClean();
    }

    @Test
    void eventClassesAreFinalAndImplementWebhookEvent() throws Exception {
        Class<?> webhookEvent = type("WebhookEvent");
        for (String name : List.of("MessageSentEvent", "MessageDeletedEvent", "GroupCreatedEvent", "UnknownEvent")) {
            Class<?> event = type(name);
            assertTrue(Modifier.isFinal(event.getModifiers()), name + " is final");
            assertTrue(Modifier.isPublic(event.getModifiers()), name + " is public");
            assertTrue(Arrays.asList(event.getInterfaces()).contains(webhookEvent), name + " implements WebhookEvent");
        }
    }

    @Test
    void webhookEventIsSealedAndPermitsExactlyTheEventsAndUnknownEvent() throws Exception {
        Class<?> webhookEvent = type("WebhookEvent");
        assertTrue(webhookEvent.isSealed());
        assertEquals(Set.of(API + ".GroupCreatedEvent", API + ".MessageDeletedEvent", API + ".MessageSentEvent", API + ".UnknownEvent"),
                Arrays.stream(webhookEvent.getPermittedSubclasses()).map(Class::getName).collect(Collectors.toSet()));
    }

    @Test
    void unionIsSealedOverItsVariantsAndTheFallback() throws Exception {
        Class<?> entityRef = type("model.EntityRef");
        assertTrue(entityRef.isSealed());
        assertEquals(Set.of(API + ".model.UserRef", API + ".model.GroupRef", API + ".model.UnknownEntityRef"),
                Arrays.stream(entityRef.getPermittedSubclasses()).map(Class::getName).collect(Collectors.toSet()));
        for (Class<?> variant : entityRef.getPermittedSubclasses()) {
            assertTrue(Modifier.isFinal(variant.getModifiers()), variant + " is final");
        }
    }

    @Test
    void unionVariantsBindByDiscriminator() throws Exception {
        Object event = parse(messageSent());
        assertEquals(API + ".MessageSentEvent", event.getClass().getName());
        Object sender = get(event, "getData", "getMessage", "getSender");
        Object receiver = get(event, "getData", "getMessage", "getReceiver");
        assertEquals(API + ".model.UserRef", sender.getClass().getName());
        assertEquals("user", get(sender, "getEntityType"));
        assertEquals("cometchat-uid-1", get(sender, "getEntity", "getUid"));
        assertEquals(API + ".model.GroupRef", receiver.getClass().getName());
        assertEquals("cometchat-guid-1", get(receiver, "getEntity", "getGuid"));
    }

    @Test
    void anUnknownDiscriminatorBindsToTheFallbackAndRoundTrips() throws Exception {
        ObjectNode payload = messageSent();
        ObjectNode bot = JSON.createObjectNode().put("id", "bot-7").put("model", "v2");
        bot.putArray("skills").add("triage").add(3);
        ((ObjectNode) payload.at("/data/message/receiver")).put("entityType", "bot").set("entity", bot);

        Object event = parse(payload);
        Object receiver = get(event, "getData", "getMessage", "getReceiver");
        assertEquals(API + ".model.UnknownEntityRef", receiver.getClass().getName());
        assertEquals("bot", get(receiver, "getEntityType"));
        assertEquals(bot, get(receiver, "getEntity"));
        assertEquals(payload, JSON.readTree(toJson(event)));
    }

    @Test
    void idempotencyKeyJoinsTheKeyFieldsAndEscapesColonAndPercent() throws Exception {
        ObjectNode payload = messageSent();
        payload.put("webhook", "hook:1%");
        ((ObjectNode) payload.at("/data/message")).put("id", "m:2");
        assertEquals("hook%3A1%25:message_sent:m%3A2", call(parse(payload), "idempotencyKey"));
    }

    @Test
    void idempotencyKeyOfALongPartIsItsDecimalValueAndAMapGivesItsSortedKeys() throws Exception {
        ObjectNode payload = messageSent();
        payload.put("trigger", "message_deleted");
        assertEquals("webhook-1:message_deleted:25:1696935103114:cometchat-uid-2", call(parse(payload), "idempotencyKey"));
        ((ObjectNode) payload.at("/data/message/mentions")).putObject("cometchat-uid-10").put("uid", "cometchat-uid-10");
        ((ObjectNode) payload.at("/data/message/mentions")).putObject("a:b").put("uid", "a:b");
        assertEquals("webhook-1:message_deleted:25:1696935103114:a%3Ab,cometchat-uid-10,cometchat-uid-2",
                call(parse(payload), "idempotencyKey"));
    }

    @Test
    void aDigestPartIsTheSameForTheSameDataInAnyKeyOrderAndChangesWithIt() throws Exception {
        String sent = """
                {"trigger": "group_created", "appId": "app-1", "region": "eu", "webhook": "webhook-1",
                 "data": {"group": {"guid": "cometchat-guid-1", "name": "Hiking"}, "extra": {"a": null, "b": [1, 2.50]}}}""";
        String key = (String) call(parse(sent), "idempotencyKey");
        assertTrue(key.matches("webhook-1:group_created:cometchat-guid-1:[A-Za-z0-9_-]{43}"), key);
        String retried = """
                {
                  "data": {
                    "extra": {"b": [1, 2.50], "a": null},
                    "group": {"name": "Hiking", "guid": "cometchat-guid-1"}
                  },
                  "webhook": "webhook-1", "trigger": "group_created", "region": "eu", "appId": "app-1"
                }""";
        assertEquals(key, call(parse(retried), "idempotencyKey"));
        assertFalse(key.equals(call(parse(sent.replace("\"Hiking\"", "\"Hiking!\"")), "idempotencyKey")),
                "another group state is another occurrence");
        assertFalse(key.equals(call(parse(sent.replace("2.50", "2.5")), "idempotencyKey")), "numbers count as they came");
    }

    @Test
    void aParsedEventHasItsKeyFieldsAndABuiltOneGetsAKeyNotACrash() throws Exception {
        ObjectNode noMessage = messageSent();
        ((ObjectNode) noMessage.get("data")).remove("message");
        InvocationTargetException drift = assertThrows(InvocationTargetException.class, () -> parse(noMessage));
        assertEquals("$.data.message: required by the schema, but missing", drift.getCause().getMessage());

        Object group = type("GroupCreatedEvent").getConstructor().newInstance();
        assertTrue(((String) call(group, "idempotencyKey")).matches(":::[A-Za-z0-9_-]{43}"));
    }

    @Test
    void theDispatcherCallsTheHandlerMethodOfTheEventOnce() throws Exception {
        Class<?> handlerType = type("WebhookHandler");
        List<String> calls = new ArrayList<>();
        Object handler = Proxy.newProxyInstance(loader, new Class<?>[] {handlerType}, (proxy, method, args) -> {
            calls.add(method.getName() + "(" + args[0].getClass().getSimpleName() + ")");
            return null;
        });
        Object dispatcher = type("WebhookDispatcher").getMethod("of", handlerType).invoke(null, handler);
        Method dispatch = dispatcher.getClass().getMethod("dispatch", type("WebhookEvent"));

        dispatch.invoke(dispatcher, parse(messageSent()));
        assertEquals(List.of("onMessageSent(MessageSentEvent)"), calls);

        calls.clear();
        ObjectNode unknown = messageSent().put("trigger", "poll_created");
        dispatch.invoke(dispatcher, parse(unknown));
        assertEquals(List.of("onUnknown(UnknownEvent)"), calls);
    }

    @Test
    void theDispatcherBuilderRunsTheActionRegisteredForTheEventClass() throws Exception {
        List<Object> sent = new ArrayList<>();
        List<Object> deleted = new ArrayList<>();
        Object builder = type("WebhookDispatcher").getMethod("builder").invoke(null);
        Method on = builder.getClass().getMethod("on", Class.class, Consumer.class);
        on.invoke(builder, type("MessageSentEvent"), (Consumer<Object>) sent::add);
        on.invoke(builder, type("MessageDeletedEvent"), (Consumer<Object>) deleted::add);
        Object dispatcher = builder.getClass().getMethod("build").invoke(builder);

        Object event = parse(messageSent());
        dispatcher.getClass().getMethod("dispatch", type("WebhookEvent")).invoke(dispatcher, event);
        assertEquals(1, sent.size());
        assertSame(event, sent.get(0));
        assertEquals(List.of(), deleted);
    }

    @Test
    void triggerFromWireName() throws Exception {
        Class<?> trigger = type("Trigger");
        Method fromWireName = trigger.getMethod("fromWireName", String.class);
        Optional<?> groupCreated = (Optional<?>) fromWireName.invoke(null, "group_created");
        assertTrue(groupCreated.isPresent());
        assertEquals("GROUP_CREATED", ((Enum<?>) groupCreated.get()).name());
        assertEquals("group_created", call(groupCreated.get(), "wireName"));
        assertSame(type("GroupCreatedEvent"), call(groupCreated.get(), "eventType"));
        assertEquals(Optional.empty(), fromWireName.invoke(null, "poll_created"));
        assertEquals(Optional.empty(), fromWireName.invoke(null, "GROUP_CREATED"));
        assertEquals(List.of("GROUP_CREATED", "MESSAGE_DELETED", "MESSAGE_SENT"),
                Arrays.stream(trigger.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
    }

    @Test
    void aSixtyFourBitIntegerBinds() throws Exception {
        Object event = parse(messageSent());
        Method sentAt = type("model.Message").getMethod("getSentAt");
        assertEquals(Long.class, sentAt.getReturnType());
        assertEquals(1696935103114L, get(event, "getData", "getMessage", "getSentAt"));
    }

    @Test
    void theUserMapAndTheInlineObjectBindToTheirTypes() throws Exception {
        Object message = get(parse(messageSent()), "getData", "getMessage");
        Map<?, ?> mentions = (Map<?, ?>) call(message, "getMentions");
        assertEquals(API + ".model.User", mentions.get("cometchat-uid-2").getClass().getName());
        assertEquals("Bob", get(mentions.get("cometchat-uid-2"), "getName"));
        assertEquals("web", get(message, "getMetadata", "getSource"));
        assertEquals(true, get(message, "getMetadata", "getPinned"));
    }

    @Test
    void unknownFieldsAreKeptAndRoundTrip() throws Exception {
        ObjectNode payload = messageSent();
        payload.put("origin", "eu-west");
        ObjectNode extra = ((ObjectNode) payload.at("/data/message")).putObject("translation");
        extra.put("lang", "de").putArray("alternatives").add("Hallo");
        ((ObjectNode) payload.at("/data/message/metadata")).put("clientVersion", 12);

        Object event = parse(payload);
        assertEquals("eu-west", ((Map<?, ?>) call(event, "getAdditionalProperties")).get("origin"));
        Map<?, ?> messageExtra = (Map<?, ?>) get(event, "getData", "getMessage", "getAdditionalProperties");
        assertEquals(Set.of("translation"), messageExtra.keySet());
        assertEquals(payload, JSON.readTree(toJson(event)));
    }

    @Test
    void anUnknownTriggerBecomesAnUnknownEventThatKeepsThePayload() throws Exception {
        ObjectNode payload = messageSent().put("trigger", "poll_created");
        Object event = parse(payload);
        assertEquals(API + ".UnknownEvent", event.getClass().getName());
        assertEquals("poll_created", call(event, "getTrigger"));
        assertEquals(payload, call(event, "json"));
        assertEquals(payload, JSON.readTree(toJson(event)));
        String key = (String) call(event, "idempotencyKey");
        assertTrue(key.matches("app-1:webhook-1:poll_created:[A-Za-z0-9_-]{43}"), key);
        assertFalse(key.equals(call(parse(payload.put("region", "other")), "idempotencyKey")), "the digest covers the payload");
    }

    /** A message_sent payload: a user sends to a group, mentioning Bob. */
    private static ObjectNode messageSent() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {
                  "trigger": "message_sent",
                  "appId": "app-1",
                  "region": "eu",
                  "webhook": "webhook-1",
                  "data": {
                    "message": {
                      "id": "25",
                      "sentAt": 1696935103114,
                      "sender": {"entityType": "user", "entity": {"uid": "cometchat-uid-1", "name": "Alice"}},
                      "receiver": {"entityType": "group", "entity": {"guid": "cometchat-guid-1", "createdAt": 1696930000}},
                      "mentions": {"cometchat-uid-2": {"uid": "cometchat-uid-2", "name": "Bob"}},
                      "metadata": {"source": "web", "pinned": true}
                    }
                  }
                }
                """);
    }

    private Class<?> type(String simpleName) throws ClassNotFoundException {
        return Class.forName(API + "." + simpleName, true, loader);
    }

    private Object parse(JsonNode payload) throws Exception {
        return parse(payload.toString());
    }

    private Object parse(String payload) throws Exception {
        return type("WebhookEvents").getMethod("parse", String.class).invoke(null, payload);
    }

    private String toJson(Object event) throws Exception {
        return (String) type("WebhookEvents").getMethod("toJson", type("WebhookEvent")).invoke(null, event);
    }

    /** Calls a chain of public no-argument methods. */
    private static Object get(Object target, String... methods) throws Exception {
        Object value = target;
        for (String method : methods) {
            value = call(value, method);
        }
        return value;
    }

    private static Object call(Object target, String method) throws Exception {
        Method m = target.getClass().getMethod(method);
        m.setAccessible(true);
        try {
            return m.invoke(target);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
