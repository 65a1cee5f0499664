package dev.hookgen.generator.api;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.hookgen.runtime.StringTypeIds;

/** Library types the emitted code uses, and the few conventions every emitter shares. */
final class Types {

    static final String JACKSON_ANNOTATION = "com.fasterxml.jackson.annotation";
    static final String JACKSON_CORE = "com.fasterxml.jackson.core";
    static final String JACKSON_DATABIND = "com.fasterxml.jackson.databind";

    static final ClassName JSON_TYPE_INFO = ClassName.get(JACKSON_ANNOTATION, "JsonTypeInfo");
    static final ClassName JSON_SUB_TYPES = ClassName.get(JACKSON_ANNOTATION, "JsonSubTypes");
    static final ClassName JSON_SUB_TYPE = JSON_SUB_TYPES.nestedClass("Type");
    static final ClassName JSON_CREATOR = ClassName.get(JACKSON_ANNOTATION, "JsonCreator");
    static final ClassName JSON_VALUE = ClassName.get(JACKSON_ANNOTATION, "JsonValue");
    static final ClassName OBJECT_NODE = ClassName.get(JACKSON_DATABIND + ".node", "ObjectNode");
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private Types() {}

    /** {@code @Generated("hookgen")}: no date, so that the same schemas give the same bytes. */
    static AnnotationSpec generated() {
        return AnnotationSpec.builder(GENERATED).addMember("value", "$S", "hookgen").build();
    }

    /**
     * {@code @JsonTypeInfo(use = NAME, include = EXISTING_PROPERTY, property = ..., visible = true, defaultImpl = ...)}:
     * the subtype is chosen by a property the types themselves declare, and any value nobody declared
     * lands in the fallback, which keeps it.
     */
    static AnnotationSpec typeInfo(String property, ClassName fallback) {
        return AnnotationSpec.builder(JSON_TYPE_INFO)
                .addMember("use", "$T.Id.NAME", JSON_TYPE_INFO)
                .addMember("include", "$T.As.EXISTING_PROPERTY", JSON_TYPE_INFO)
                .addMember("property", "$S", property)
                .addMember("visible", "true")
                .addMember("defaultImpl", "$T.class", fallback)
                .build();
    }

    /** {@code @JsonTypeResolver(StringTypeIds.class)}: type ids must be JSON strings (the runtime's rule). */
    static AnnotationSpec stringTypeIds() {
        return AnnotationSpec.builder(ClassName.get(JACKSON_DATABIND + ".annotation", "JsonTypeResolver"))
                .addMember("value", "$T.class", StringTypeIds.class)
                .build();
    }

    static AnnotationSpec subType(ClassName type, String name) {
        return AnnotationSpec.builder(JSON_SUB_TYPE)
                .addMember("value", "$T.class", type)
                .addMember("name", "$S", name)
                .build();
    }

    /** Text from a schema, safe inside a javadoc comment. */
    static String doc(String text) {
        return text.replace("*/", "*&#47;").replace("@", "{@literal @}");
    }

    static JavaFile file(String packageName, TypeSpec type) {
        return JavaFile.builder(packageName, type).skipJavaLangImports(true).indent("    ").build();
    }
}
