package dev.hookgen.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small, valid schema directory written from JSON strings: one trigger ({@code message_sent}, in
 * package {@code com.example.hooks}) whose data holds a message sent by a user. Tests replace or add
 * one file to break one rule.
 */
public final class SchemaDirectory {

    public static final String PACKAGE = "com.example.hooks";

    private final Map<String, String> files = new TreeMap<>();

    public SchemaDirectory() {
        files.put("definitions/envelope.json", """
                {
                  "title": "Envelope fields",
                  "description": "Holder of the envelope fields.",
                  "definitions": {
                    "appId": {"type": "string", "description": "The app."},
                    "region": {"type": "string", "description": "The region."},
                    "webhook": {"type": "string", "description": "The webhook."}
                  }
                }
                """);
        files.put("definitions/user.json", """
                {
                  "title": "User",
                  "description": "A user.",
                  "type": "object",
                  "javaType": "com.example.hooks.model.User",
                  "properties": {
                    "uid": {"type": "string", "description": "The user's id."},
                    "role": {"type": "string", "description": "The user's role."}
                  }
                }
                """);
        files.put("definitions/message.json", """
                {
                  "title": "Message",
                  "description": "A message.",
                  "type": "object",
                  "javaType": "com.example.hooks.model.Message",
                  "properties": {
                    "id": {"type": "string", "description": "The message's id."},
                    "sender": {"$ref": "user.json"},
                    "metadata": {
                      "type": "object",
                      "javaType": "com.example.hooks.model.Metadata",
                      "description": "Metadata.",
                      "properties": {"source": {"type": "string", "description": "The client."}}
                    }
                  }
                }
                """);
        files.put("definitions/message-event-data.json", """
                {
                  "title": "Message event data",
                  "description": "data of message events.",
                  "type": "object",
                  "javaType": "com.example.hooks.model.MessageEventData",
                  "properties": {"message": {"$ref": "message.json"}}
                }
                """);
        files.put("triggers/message_sent.json", trigger("message_sent", "com.example.hooks.MessageSentEvent",
                "\"message_sent\"", "[\"/webhook\", \"/trigger\", \"/data/message/id\"]", "../definitions/message-event-data.json"));
    }

    /** A trigger schema; the wire name and key are JSON literals so that tests can break them. */
    public static String trigger(String file, String javaType, String wireName, String key, String dataRef) {
        return """
                {
                  "title": "%s",
                  "description": "The hook triggers after a message is sent.",
                  "type": "object",
                  "javaType": "%s",
                  "x-hookgen-trigger": %s,
                  "x-hookgen-idempotency-key": %s,
                  "properties": {
                    "trigger": {"type": "string", "description": "The trigger."},
                    "data": {"$ref": "%s"},
                    "appId": {"$ref": "../definitions/envelope.json#/definitions/appId"},
                    "region": {"$ref": "../definitions/envelope.json#/definitions/region"},
                    "webhook": {"$ref": "../definitions/envelope.json#/definitions/webhook"}
                  }
                }
                """.formatted(file, javaType, wireName, key, dataRef);
    }

    /** Adds or replaces a file. */
    public SchemaDirectory with(String path, String json) {
        files.put(path, json);
        return this;
    }

    /** Replaces text in one file (which must contain it). */
    public SchemaDirectory replace(String path, String text, String replacement) {
        String content = files.get(path);
        if (content == null || !content.contains(text)) {
            throw new IllegalArgumentException(path + " does not contain " + text);
        }
        files.put(path, content.replace(text, replacement));
        return this;
    }

    public SchemaDirectory without(String path) {
        if (files.remove(path) == null) {
            throw new IllegalArgumentException("no " + path);
        }
        return this;
    }

    /** Writes the files below {@code directory}, replacing what an earlier write put there. */
    public Path writeTo(Path directory) {
        try {
            for (String folder : new String[] {"definitions", "triggers"}) {
                Path dir = directory.resolve(folder);
                if (Files.isDirectory(dir)) {
                    try (var list = Files.list(dir)) {
                        for (Path old : list.toList()) {
                            Files.delete(old);
                        }
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = directory.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
