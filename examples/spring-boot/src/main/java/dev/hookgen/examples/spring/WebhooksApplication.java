package dev.hookgen.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service that receives CometChat webhooks: the starter does the endpoint, {@link ChatEvents} the work. */
@SpringBootApplication
public class WebhooksApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebhooksApplication.class, args);
    }
}
