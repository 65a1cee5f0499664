package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.hookgen.runtime.IdempotencyKey;
import dev.hookgen.runtime.TypedEvent;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The event of trigger {@code ping}, shaped like a generated class: {@code {trigger, data: {id, at, score, tags, subject}, appId,
 * region, webhook}}, {@code trigger} and {@code data} required.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"trigger", "data", "appId", "region", "webhook"})
public final class Ping extends TypedEvent implements TestEvent {

    @JsonProperty(value = "trigger", required = true)
    private String trigger;

    @JsonProperty(value = "data", required = true)
    private PingData data;

    @JsonProperty("appId")
    private String appId;

    @JsonProperty("region")
    private String region;

    @JsonProperty("webhook")
    private String webhook;

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    @Override
    public String getTrigger() {
        return trigger;
    }

    public PingData getData() {
        return data;
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

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    @Override
    public String idempotencyKey() {
        return IdempotencyKey.forEvent(this, getAppId(), getWebhook(), getTrigger(), data == null ? null : data.getId());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ping that && Objects.equals(trigger, that.trigger) && Objects.equals(data, that.data)
                && Objects.equals(appId, that.appId) && Objects.equals(region, that.region)
                && Objects.equals(webhook, that.webhook) && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(trigger, data, appId, region, webhook, additionalProperties);
    }
}
