package dev.hookgen.spring.boot;

import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookHandler;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A {@link WebhookHandler} that overrides every method (a proxy), recording which method got which event, how often
 * each idempotency key arrived, and failing on demand: what the tests' applications declare as their handler bean.
 */
final class RecordingHandler {

    /** Each call: the method's name and the event. */
    record Call(String method, WebhookEvent event) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();

    final Map<String, Integer> byKey = new ConcurrentHashMap<>();

    /** Events for which the handler throws (an IllegalStateException), before anything is recorded. */
    volatile Predicate<WebhookEvent> failing = event -> false;

    final WebhookHandler handler = (WebhookHandler) Proxy.newProxyInstance(WebhookHandler.class.getClassLoader(),
            new Class<?>[] {WebhookHandler.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return switch (method.getName()) {
                        case "equals" -> proxy == args[0];
                        case "hashCode" -> System.identityHashCode(proxy);
                        default -> "RecordingHandler";
                    };
                }
                WebhookEvent event = (WebhookEvent) args[0];
                if (failing.test(event)) {
                    throw new IllegalStateException("the CRM is down for " + event.getTrigger());
                }
                calls.add(new Call(method.getName(), event));
                byKey.merge(event.idempotencyKey(), 1, Integer::sum);
                return null;
            });

    /** The handler method CometChat's trigger goes to: {@code message_sent} is {@code onMessageSent}. */
    static String methodFor(String trigger) {
        StringBuilder name = new StringBuilder("on");
        for (String word : trigger.split("_")) {
            name.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        return name.toString();
    }
}
