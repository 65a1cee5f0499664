package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Any other kind of subject, every field kept; {@code kind} required, as in the generated fallbacks. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class OtherSubject implements Subject {

    @JsonProperty(value = "kind", required = true)
    private String kind;

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    @Override
    public String getKind() {
        return kind;
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
        return other instanceof OtherSubject that && Objects.equals(kind, that.kind)
                && additionalProperties.equals(that.additionalProperties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, additionalProperties);
    }
}
