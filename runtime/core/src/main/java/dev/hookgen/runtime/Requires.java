package dev.hookgen.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fields an event's trigger requires beyond what its shared shapes require: {@code group_member_kicked} needs
 * {@code data.by}, which the {@code data} shape it shares with {@code group_member_joined} leaves optional. The
 * generator writes it from the trigger schema's root {@code allOf}; the reader enforces it as it enforces
 * {@code @JsonProperty(required = true)}: a field missing or null where its object is present makes the body
 * schema drift.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Requires {

    /** JSON Pointers (RFC 6901) from the event's root, through objects only: {@code "/data/by"}. */
    String[] value();
}
