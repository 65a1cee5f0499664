package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/** {@code {"kind": "user", "uid": ...}}: no any-setter, so nothing of another type can be kept. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class UserSubject implements Subject {

    @JsonProperty(value = "kind", required = true)
    private String kind;

    @JsonProperty("uid")
    private String uid;

    @Override
    public String getKind() {
        return kind;
    }

    public String getUid() {
        return uid;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof UserSubject that && Objects.equals(kind, that.kind) && Objects.equals(uid, that.uid);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, uid);
    }
}
