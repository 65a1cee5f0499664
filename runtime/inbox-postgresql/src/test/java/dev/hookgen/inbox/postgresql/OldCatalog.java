package dev.hookgen.inbox.postgresql;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hookgen.runtime.Event;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.IdempotencyKey;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.StringTypeIds;
import dev.hookgen.runtime.UntypedEvent;

/**
 * The catalog of an older version of a service, annotated as the generator annotates one: it knows one trigger,
 * {@code message_sent}, whose {@code data} it still takes for a string, so that every real {@code message_sent} is
 * schema drift to it, and every other trigger is unknown. The tests store rows with it, then "upgrade" to
 * {@code cometchat-webhooks} and replay.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "trigger",
        visible = true, defaultImpl = OldCatalog.Unknown.class)
@JsonTypeResolver(StringTypeIds.class)
@JsonSubTypes(@JsonSubTypes.Type(value = OldCatalog.MessageSent.class, name = "message_sent"))
public interface OldCatalog extends Event {

    static EventReader<OldCatalog> reader() {
        return new EventReader<>(OldCatalog.class, Unknown::new, ParseLimits.defaults());
    }

    /** A trigger the old catalog has no schema for. */
    final class Unknown extends UntypedEvent implements OldCatalog {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public Unknown(ObjectNode json) {
            super(json);
        }
    }

    /** {@code message_sent} as the old schema had it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    final class MessageSent implements OldCatalog {
        @JsonProperty("trigger")
        private String trigger;
        @JsonProperty("data")
        private String data;
        @JsonProperty("appId")
        private String appId;
        @JsonProperty("region")
        private String region;
        @JsonProperty("webhook")
        private String webhook;

        @Override
        public String getTrigger() {
            return trigger;
        }

        @Override
        public String getAppId() {
            return appId;
        }

        @Override
        public String getRegion() {
            return region;
        }

        @Override
        public String getWebhook() {
            return webhook;
        }

        @Override
        public String idempotencyKey() {
            return IdempotencyKey.of(webhook, trigger, data);
        }
    }
}
