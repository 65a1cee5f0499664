package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.cometchat.WebhookEvents;
import java.io.IOException;
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
 * Writing events back: {@link WebhookEvents#toJson} against a plain mapper writing the same event, and the
 * whole round trip (bytes, event, JSON).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoundTripBenchmark {

    @Param({"message_sent", "moderation_engine_blocked"})
    public Payloads payload;

    private byte[] body;
    private WebhookEvent event;
    private ObjectWriter plain;

    @Setup
    public void setUp() throws IOException {
        body = payload.bytes();
        event = WebhookEvents.parse(body);
        plain = new ObjectMapper().writer();
        if (!WebhookEvents.parse(toJson()).equals(event) || !plainWriter().equals(toJson())) {
            throw new IllegalStateException(payload + " does not round-trip");
        }
    }

    /** hookgen's writer. */
    @Benchmark
    public String toJson() {
        return WebhookEvents.toJson(event);
    }

    /** The baseline: a plain mapper writing the same event. */
    @Benchmark
    public String plainWriter() throws IOException {
        return plain.writeValueAsString(event);
    }

    /** Bytes in, event, JSON out. */
    @Benchmark
    public String parseThenToJson() {
        return WebhookEvents.toJson(WebhookEvents.parse(body));
    }
}
