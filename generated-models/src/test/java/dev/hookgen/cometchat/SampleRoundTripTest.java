package dev.hookgen.cometchat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample parses to its own class and writes back as the same JSON. */
class SampleRoundTripTest {

    static List<String> samples() {
        return Samples.names();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void parsesToItsOwnClass(String sample) {
        WebhookEvent event = WebhookEvents.parse(Samples.bytes(sample));
        Trigger trigger = Trigger.fromWireName(Samples.trigger(sample)).orElseThrow();
        assertEquals(trigger.eventType(), event.getClass());
        assertEquals(trigger, event.trigger().orElseThrow());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void writesBackTheSameJson(String sample) {
        byte[] body = Samples.bytes(sample);
        String json = WebhookEvents.toJson(WebhookEvents.parse(body));
        assertEquals(Samples.tree(body), Samples.tree(json));
    }
}
