package com.example.hooks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * A body that could not be parsed into an event: the only exception {@link WebhookParser} throws.
 *
 * <p>The message says what is wrong and where: a JSON path such as {@code $.data.message.sentAt}
 * for a value of the wrong type, or a line and column for broken JSON. When the body was valid
 * JSON but did not fit the typed contract (schema drift), {@link #payload()} holds it, so that a
 * receiver can set it aside instead of losing it.
 */
@Generated("hookgen")
public final class WebhookParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String problem;

    private final String location;

    private final transient JsonNode payload;

    WebhookParseException(String problem, String location, JsonNode payload, Throwable cause) {
        super(location == null ? problem : location + ": " + problem, cause);
        this.problem = problem;
        this.location = location;
        this.payload = payload;
    }

    /**
     * What is wrong, without the location.
     */
    public String problem() {
        return problem;
    }

    /**
     * Where: a JSON path ({@code $.data.message.sentAt}) or a line and column.
     */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /**
     * The body as a JSON tree when it was valid JSON that failed the typed contract.
     */
    public Optional<JsonNode> payload() {
        return Optional.ofNullable(payload);
    }

    /**
     * Whether the body was valid JSON that failed the typed contract; {@link #payload()} has it.
     */
    public boolean isSchemaDrift() {
        return payload != null;
    }
}
