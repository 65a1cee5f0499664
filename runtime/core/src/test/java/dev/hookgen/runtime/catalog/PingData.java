package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@code data} of a ping: a string id (required), a 64-bit time in seconds, a decimal score, string tags and a {@link Subject}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "at", "score", "tags", "subject"})
public final class PingData {

    @JsonProperty(value = "id", required = true)
    private String id;

    @JsonProperty("at")
    private Long at;

    @JsonProperty("score")
    private BigDecimal score;

    @JsonProperty("tags")
    private List<String> tags;

    @JsonProperty("subject")
    private Subject subject;

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    public String getId() {
        return id;
    }

    public Long getAt() {
        return at;
    }

    public BigDecimal getScore() {
        return score;
    }

    public List<String> getTags() {
        return tags;
    }

    public Subject getSubject() {
        return subject;
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
    public boolean equals(Object other) {
        return other instanceof PingData that && Objects.equals(id, that.id) && Objects.equals(at, that.at)
                && Objects.equals(score, that.score) && Objects.equals(tags, that.tags) && Objects.equals(subject, that.subject)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, at, score, tags, subject, additionalProperties);
    }
}
