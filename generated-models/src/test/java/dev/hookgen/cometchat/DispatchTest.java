package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The dispatcher calls exactly the handler method of the event's trigger, once. */
class DispatchTest {

    /** The schemas the jar was generated from ({@code hookgen.schemas}, as surefire passes it). */
    private static final Path TRIGGERS = Path.of(System.getProperty("hookgen.schemas", "../schemas"), "triggers");

    static List<String> samples() {
        return Samples.names();
    }

    /** A handler that records every method called on it, whichever the interface declares. */
    private static WebhookHandler recording(List<String> calls) {
        InvocationHandler record = (proxy, method, args) -> {
            calls.add(method.getName() + "(" + args[0].getClass().getSimpleName() + ")");
            return null;
        };
        return (WebhookHandler) Proxy.newProxyInstance(
                WebhookHandler.class.getClassLoader(), new Class<?>[] {WebhookHandler.class}, record);
    }

    private static String handlerMethod(String wireName) {
        StringBuilder name = new StringBuilder("on");
        for (String part : wireName.split("_")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void handlerMethodOfTheTriggerIsCalledOnce(String sample) {
        WebhookEvent event = WebhookEvents.parse(Samples.bytes(sample));
        List<String> calls = new ArrayList<>();
        WebhookDispatcher.of(recording(calls)).dispatch(event);
        String trigger = Samples.trigger(sample);
        assertEquals(List.of(handlerMethod(trigger) + "(" + event.getClass().getSimpleName() + ")"), calls);
    }

    /** A trigger this jar has no schema for: call_transcribed, unless a schema of that name was added since. */
    private static String unknownTrigger() {
        String name = "call_transcribed";
        while (Trigger.fromWireName(name).isPresent()) {
            name += "_later";
        }
        return name;
    }

    @Test
    void unknownTriggerGoesToOnUnknown() {
        List<String> calls = new ArrayList<>();
        WebhookDispatcher.of(recording(calls)).dispatch(WebhookEvents.parse("{\"trigger\":\"" + unknownTrigger() + "\",\"data\":{}}"));
        assertEquals(List.of("onUnknown(UnknownEvent)"), calls);
    }

    @Test
    void lambdasRegisteredPerEventClass() {
        AtomicInteger sent = new AtomicInteger();
        List<String> unknown = new ArrayList<>();
        WebhookDispatcher dispatcher = WebhookDispatcher.builder()
                .on(MessageSentEvent.class, e -> sent.incrementAndGet())
                .onUnknown(e -> unknown.add(e.getTrigger()))
                .build();
        dispatcher.dispatch(WebhookEvents.parse(Samples.bytes("message_sent.json")));
        dispatcher.dispatch(WebhookEvents.parse(Samples.bytes("message_sent.group-text.json")));
        dispatcher.dispatch(WebhookEvents.parse(Samples.bytes("group_created.json")));
        dispatcher.dispatch(WebhookEvents.parse("{\"trigger\":\"" + unknownTrigger() + "\"}"));
        assertEquals(2, sent.get());
        assertEquals(List.of(unknownTrigger()), unknown);
    }

    @Test
    void builderRejectsTheInterfaceAndASecondAction() {
        WebhookDispatcher.Builder builder = WebhookDispatcher.builder().on(MessageSentEvent.class, e -> { });
        assertEquals("MessageSentEvent already has an action",
                assertThrows(IllegalStateException.class, () -> builder.on(MessageSentEvent.class, e -> { })).getMessage());
        assertThrows(IllegalArgumentException.class, () -> builder.on(WebhookEvent.class, e -> { }));
    }

    /** One constant, event class and handler method per schema in triggers/, and no other. */
    @Test
    void everyTriggerHasAnEventClassAndAHandlerMethod() throws NoSuchMethodException, IOException {
        for (Trigger trigger : Trigger.values()) {
            assertEquals(trigger, Trigger.fromWireName(trigger.wireName()).orElseThrow());
            WebhookHandler.class.getMethod(handlerMethod(trigger.wireName()), trigger.eventType());
        }
        Set<String> schemas;
        try (Stream<Path> files = Files.list(TRIGGERS)) {
            schemas = files.map(p -> p.getFileName().toString().replace(".json", "")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(schemas, Arrays.stream(Trigger.values()).map(Trigger::wireName).collect(Collectors.toCollection(TreeSet::new)));
    }
}
