package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
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

/** What each part of the parsing contract costs, and whether Blackbird or reader tuning helps: see {@link ParserSettings}. */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParserSettingsBenchmark {

    /** message_sent by default (to keep the whole run under 10 minutes); pass {@code -p payload=...} for others. */
    @Param({"message_sent"})
    public Payloads payload;

    @Param
    public ParserSettings settings;

    private byte[] body;
    private ObjectReader reader;

    @Setup
    public void setUp() throws IOException {
        body = payload.bytes();
        reader = settings.reader();
        WebhookEvent expected = WebhookEvents.parse(body);
        if (!expected.equals(parse())) {
            throw new IllegalStateException(settings + " reads " + payload + " differently from WebhookEvents.parse");
        }
    }

    @Benchmark
    public Object parse() throws IOException {
        return reader.readValue(body);
    }
}
