package dev.hookgen.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.hookgen.cometchat.MessageDeliveryReceiptEvent;
import dev.hookgen.cometchat.MessageSentEvent;
import dev.hookgen.cometchat.ModerationEngineBlockedEvent;
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
 * Parsing the same bytes four ways: {@link WebhookEvents#parse} against a plain {@code ObjectMapper} that already
 * knows the class (the oracle), the tree-then-convert receiver most people write, and a token scan that binds
 * nothing (the floor).
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ParseBenchmark {

    @Param
    public Payloads payload;

    private byte[] body;
    private JsonFactory factory;
    private ObjectMapper mapper;
    private ObjectReader knownClass;
    private ObjectReader knownClassStrict;

    @Setup
    public void setUp() throws IOException {
        body = payload.bytes();
        mapper = new ObjectMapper();
        factory = mapper.getFactory();
        knownClass = mapper.readerFor(payload.eventType());
        knownClassStrict = ParserSettings.hookgen.reader(payload.eventType());
        // every strategy must read these bytes into the same event, or the comparison means nothing
        WebhookEvent expected = WebhookEvents.parse(body);
        for (Object other : new Object[] {oracle(), oracleStrict(), treeThenConvert()}) {
            if (!expected.equals(other)) {
                throw new IllegalStateException(payload + ": " + other + " differs from " + expected);
            }
        }
    }

    /** hookgen: trigger-typed dispatch, strict JSON, limits, one exception type. */
    @Benchmark
    public WebhookEvent hookgen() {
        return WebhookEvents.parse(body);
    }

    /** The oracle: a plain mapper reading into the class the caller already knows. */
    @Benchmark
    public Object oracle() throws IOException {
        return knownClass.readValue(body);
    }

    /**
     * The oracle held to hookgen's contract: the known class, read with {@code WebhookParser}'s Jackson settings
     * (limits, no coercion, BigDecimal), duplicate keys rejected by Jackson's own detector where the jar uses its
     * own check ({@code StrictUtf8Parser}). hookgen against this is the cost of dispatch and of that check.
     */
    @Benchmark
    public Object oracleStrict() throws IOException {
        return knownClassStrict.readValue(body);
    }

    /** What hand-written receivers do: read a tree, switch on the trigger, convert the tree. */
    @Benchmark
    public Object treeThenConvert() throws IOException {
        JsonNode tree = mapper.readTree(body);
        return switch (tree.path("trigger").asText()) {
            case "message_sent" -> mapper.treeToValue(tree, MessageSentEvent.class);
            case "moderation_engine_blocked" -> mapper.treeToValue(tree, ModerationEngineBlockedEvent.class);
            case "message_delivery_receipt" -> mapper.treeToValue(tree, MessageDeliveryReceiptEvent.class);
            default -> tree;
        };
    }

    /** The floor: every token of the body, bound to nothing. */
    @Benchmark
    public int tokenScan() throws IOException {
        int tokens = 0;
        try (JsonParser json = factory.createParser(body)) {
            for (JsonToken token = json.nextToken(); token != null; token = json.nextToken()) {
                tokens++;
            }
        }
        return tokens;
    }
}
