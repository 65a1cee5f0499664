package com.example.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every sample the build reads (the published ones, and the project's own once it has some): a generated
 * trigger's parses to its event class, any other to UnknownEvent, and each writes back the same JSON.
 */
class SamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everySampleParsesToItsTriggersClassAndWritesBackTheSameJson() throws IOException {
        List<Path> samples;
        try (Stream<Path> list = Files.list(Path.of("target/hookgen/schemas/samples"))) {
            samples = list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertFalse(samples.isEmpty());
        for (Path sample : samples) {
            byte[] body = Files.readAllBytes(sample);
            WebhookEvent event = WebhookEvents.parse(body);
            Optional<Trigger> trigger = Trigger.fromWireName(JSON.readTree(body).get("trigger").asText());
            if (trigger.isPresent()) {
                assertEquals(trigger.get().eventType(), event.getClass(), sample.toString());
            } else {
                assertInstanceOf(UnknownEvent.class, event, sample.toString());
            }
            assertEquals(JSON.readTree(body), JSON.readTree(WebhookEvents.toJson(event)), sample.toString());
        }
    }
}
