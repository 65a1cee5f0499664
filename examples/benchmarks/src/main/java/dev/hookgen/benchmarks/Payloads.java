package dev.hookgen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.cometchat.Trigger;
import dev.hookgen.cometchat.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The payloads the benchmarks parse: sample bodies from {@code hookgen-schemas}, read once at setup.
 *
 * <p>{@code message_sent_trigger_last} is {@code message_sent.json} with its {@code trigger} key moved to the
 * end (through Jackson's tree, serialized once), so a reader must buffer everything before it can pick the class.
 */
public enum Payloads {
    message_sent("message_sent", false),
    message_sent_trigger_last("message_sent", true),
    moderation_engine_blocked("moderation_engine_blocked", false),
    message_delivery_receipt("message_delivery_receipt", false);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String sample;
    private final boolean triggerLast;

    Payloads(String sample, boolean triggerLast) {
        this.sample = sample;
        this.triggerLast = triggerLast;
    }

    /** The body, as it would arrive. */
    public byte[] bytes() {
        byte[] raw = SchemaResources.read("samples/" + sample + ".json");
        if (!triggerLast) {
            return raw;
        }
        try {
            ObjectNode tree = (ObjectNode) MAPPER.readTree(raw);
            tree.set("trigger", tree.remove("trigger"));
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The event class of the payload's trigger: what the oracle already knows. */
    public Class<? extends WebhookEvent> eventType() {
        return Trigger.fromWireName(sample).orElseThrow().eventType();
    }

    static byte[] read(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }
}
