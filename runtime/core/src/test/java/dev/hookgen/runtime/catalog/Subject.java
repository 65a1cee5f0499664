package dev.hookgen.runtime.catalog;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeResolver;
import dev.hookgen.runtime.StringTypeIds;

/** A union told apart by {@code kind}, as the generator writes {@code EntityRef}: a user, or anything else kept raw. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY, property = "kind",
        visible = true, defaultImpl = OtherSubject.class)
@JsonTypeResolver(StringTypeIds.class)
@JsonSubTypes(@JsonSubTypes.Type(value = UserSubject.class, name = "user"))
public sealed interface Subject permits UserSubject, OtherSubject {

    String getKind();
}
