package dev.hookgen.benchmarks;

import dev.hookgen.cometchat.MessageDeliveryReceiptEvent;
import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.ModerationEngineBlockedEvent;
import dev.hookgen.cometchat.WebhookDispatcher;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import dev.hookgen.cometchat.WebhookHandler;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and hand the event to application code, the way a receiver does: through a {@link WebhookHandler}
 * (one virtual call, {@code dispatchTo}) or a dispatcher of lambdas built per class (a map lookup).
 * {@link #parseOnly} is the same parse without dispatch, so the difference is what dispatch costs.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DispatchBenchmark {

    @Param({"message_sent"})
    public Payloads payload;

    private byte[] body;
    private WebhookDispatcher handler;
    private WebhookDispatcher lambdas;
    /** Written by the handlers and returned, so the work cannot be optimized away. */
    private Object handled;

    @Setup
    public void setUp() {
        body = payload.bytes();
        handler = WebhookDispatcher.of(new WebhookHandler() {
            @Override
            public void onMessageSent(MessageSentEvent event) {
                handled = event.getData().getMessage().getId();
            }

            @Override
            public void onMessageDeliveryReceipt(MessageDeliveryReceiptEvent event) {
                handled = event.getData().getBody().getMessageId();
            }

            @Override
            public void onModerationEngineBlocked(ModerationEngineBlockedEvent event) {
                handled = event.getWebhook();
            }
        });
        lambdas = WebhookDispatcher.builder()
                .on(MessageSentEvent.class, event -> handled = event.getData().getMessage().getId())
                .on(MessageDeliveryReceiptEvent.class, event -> handled = event.getData().getBody().getMessageId())
                .on(ModerationEngineBlockedEvent.class, event -> handled = event.getWebhook())
                .build();
        handled = null;
        if (parseAndHandle() == null || parseAndDispatchLambdas() == null) {
            throw new IllegalStateException(payload + " did not reach its handler");
        }
    }

    @Benchmark
    public WebhookEvent parseOnly() {
        return WebhookEvents.parse(body);
    }

    @Benchmark
    public Object parseAndHandle() {
        handler.dispatch(WebhookEvents.parse(body));
        return handled;
    }

    @Benchmark
    public Object parseAndDispatchLambdas() {
        lambdas.dispatch(WebhookEvents.parse(body));
        return handled;
    }
}
