package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code StringTypeIds}: Jackson's type resolution, except that a type id (the trigger, the
 * entityType) must be a JSON string. Jackson reads {@code "trigger": 5} as the id {@code "5"},
 * and writes it back as a string: the payload would change on its way through. Both
 * {@code WebhookEvent} and the union interfaces name it in {@code @JsonTypeResolver}.
 */
final class StringTypeIdsEmitter {

    private static final String JSONTYPE = Types.JACKSON_DATABIND + ".jsontype";
    private static final ClassName STD_BUILDER = ClassName.get(JSONTYPE + ".impl", "StdTypeResolverBuilder");
    private static final ClassName AS_PROPERTY = ClassName.get(JSONTYPE + ".impl", "AsPropertyTypeDeserializer");
    private static final ClassName TYPE_DESERIALIZER = ClassName.get(JSONTYPE, "TypeDeserializer");
    private static final ClassName NAMED_TYPE = ClassName.get(JSONTYPE, "NamedType");
    private static final ClassName CONFIG = ClassName.get(Types.JACKSON_DATABIND, "DeserializationConfig");
    private static final ClassName JAVA_TYPE = ClassName.get(Types.JACKSON_DATABIND, "JavaType");
    private static final ClassName BEAN_PROPERTY = ClassName.get(Types.JACKSON_DATABIND, "BeanProperty");
    private static final ClassName CONTEXT = ClassName.get(Types.JACKSON_DATABIND, "DeserializationContext");
    private static final ClassName PARSER = ClassName.get(Types.JACKSON_CORE, "JsonParser");
    private static final ClassName TOKEN = ClassName.get(Types.JACKSON_CORE, "JsonToken");
    private static final ClassName TOKEN_BUFFER = ClassName.get(Types.JACKSON_DATABIND + ".util", "TokenBuffer");
    private static final ClassName MISMATCH = ClassName.get(Types.JACKSON_DATABIND + ".exc", "MismatchedInputException");

    private StringTypeIdsEmitter() {}

    static ClassName name(ApiNames names) {
        return ClassName.get(names.apiPackage(), "StringTypeIds");
    }

    static JavaFile emit(ApiNames names) {
        ClassName builder = name(names);
        ClassName strict = builder.nestedClass("Strict");
        FieldSpec serial = FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer("1L").build();

        TypeSpec strictType = TypeSpec.classBuilder(strict)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .superclass(AS_PROPERTY)
                .addField(serial)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(AS_PROPERTY, "standard")
                        .addParameter(BEAN_PROPERTY, "property")
                        .addStatement("super(standard, property)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("forProperty")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TYPE_DESERIALIZER)
                        .addParameter(BEAN_PROPERTY, "property")
                        .addStatement("return property == _property ? this : new $T(this, property)", strict)
                        .build())
                .addMethod(MethodSpec.methodBuilder("_deserializeTypedForId")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PROTECTED)
                        .returns(Object.class)
                        .addParameter(PARSER, "p")
                        .addParameter(CONTEXT, "context")
                        .addParameter(TOKEN_BUFFER, "buffer")
                        .addParameter(String.class, "typeId")
                        .addException(IOException.class)
                        .beginControlFlow("if (!p.hasToken($T.VALUE_STRING))", TOKEN)
                        .addStatement("$T e = $T.from(p, _baseType, $S + kind(p.currentToken()))",
                                MISMATCH, MISMATCH, "must be a string, not ")
                        .addStatement("e.prependPath(null, _typePropertyName)")
                        .addStatement("throw e")
                        .endControlFlow()
                        .addStatement("return super._deserializeTypedForId(p, context, buffer, typeId)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("kind")
                        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                        .returns(String.class)
                        .addParameter(TOKEN, "token")
                        .addCode(CodeBlock.builder()
                                .add("return switch (token) {\n").indent()
                                .add("case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> $S;\n", "number")
                                .add("case VALUE_TRUE, VALUE_FALSE -> $S;\n", "boolean")
                                .add("default -> token.name().toLowerCase($T.ROOT);\n", Locale.class)
                                .unindent().add("};\n")
                                .build())
                        .build())
                .build();

        TypeSpec type = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(STD_BUILDER)
                .addAnnotation(Types.generated())
                .addJavadoc("Jackson's type resolution for {@code @JsonTypeInfo(include = EXISTING_PROPERTY)}, except that\n"
                        + "the type id must be a JSON string: Jackson would read {@code \"trigger\": 5} as the id\n"
                        + "{@code \"5\"} and write it back as a string, changing the payload on its way through. A\n"
                        + "non-string id is a binding failure at its JSON path instead.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
                        .addJavadoc("Jackson instantiates it, as named by {@code @JsonTypeResolver}.\n").build())
                .addMethod(MethodSpec.methodBuilder("buildTypeDeserializer")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TYPE_DESERIALIZER)
                        .addParameter(CONFIG, "config")
                        .addParameter(JAVA_TYPE, "baseType")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Collection.class), NAMED_TYPE), "subtypes")
                        .addStatement("$T standard = super.buildTypeDeserializer(config, baseType, subtypes)", TYPE_DESERIALIZER)
                        .addStatement("return standard instanceof $T property ? new $T(property, null) : standard",
                                AS_PROPERTY, strict)
                        .build())
                .addType(strictType)
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
