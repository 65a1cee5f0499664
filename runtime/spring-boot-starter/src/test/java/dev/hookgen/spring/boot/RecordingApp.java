package dev.hookgen.spring.boot;

import dev.hookgen.cometchat.WebhookHandler;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application the tests start: the starter's auto-configuration and one {@link WebhookHandler} bean, a
 * {@link RecordingHandler}'s, as a service declares its handler.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class RecordingApp {
    @Bean
    RecordingHandler recorder() {
        return new RecordingHandler();
    }

    @Bean
    WebhookHandler handler(RecordingHandler recorder) {
        return recorder.handler;
    }
}
