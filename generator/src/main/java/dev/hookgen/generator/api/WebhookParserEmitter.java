package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code WebhookParser}: one configured, thread-safe Jackson reader and writer, and the
 * parsing contract: strict JSON, bounded input, one pass into the trigger's class, one exception type.
 */
final class WebhookParserEmitter {

    private static final ClassName JSON_FACTORY = ClassName.get(Types.JACKSON_CORE, "JsonFactory");
    private static final ClassName JSON_PARSER = ClassName.get(Types.JACKSON_CORE, "JsonParser");
    private static final ClassName JSON_TOKEN = ClassName.get(Types.JACKSON_CORE, "JsonToken");
    private static final ClassName JSON_LOCATION = ClassName.get(Types.JACKSON_CORE, "JsonLocation");
    private static final ClassName STREAM_READ_CONSTRAINTS = ClassName.get(Types.JACKSON_CORE, "StreamReadConstraints");
    private static final ClassName JSON_PROCESSING_EXCEPTION = ClassName.get(Types.JACKSON_CORE, "JsonProcessingException");
    private static final ClassName STREAM_CONSTRAINTS_EXCEPTION =
            ClassName.get(Types.JACKSON_CORE + ".exc", "StreamConstraintsException");
    private static final ClassName JSON_MAPPING_EXCEPTION = ClassName.get(Types.JACKSON_DATABIND, "JsonMappingException");
    private static final ClassName OBJECT_READER = ClassName.get(Types.JACKSON_DATABIND, "ObjectReader");
    private static final ClassName OBJECT_WRITER = ClassName.get(Types.JACKSON_DATABIND, "ObjectWriter");
    private static final ClassName MAPPER_FEATURE = ClassName.get(Types.JACKSON_DATABIND, "MapperFeature");
    private static final ClassName DESERIALIZATION_FEATURE = ClassName.get(Types.JACKSON_DATABIND, "DeserializationFeature");
    private static final ClassName JSON_MAPPER = ClassName.get(Types.JACKSON_DATABIND + ".json", "JsonMapper");
    private static final ClassName JSON_NODE_FEATURE = ClassName.get(Types.JACKSON_DATABIND + ".cfg", "JsonNodeFeature");
    private static final ClassName COERCION_ACTION = ClassName.get(Types.JACKSON_DATABIND + ".cfg", "CoercionAction");
    private static final ClassName COERCION_INPUT_SHAPE = ClassName.get(Types.JACKSON_DATABIND + ".cfg", "CoercionInputShape");
    private static final ClassName LOGICAL_TYPE = ClassName.get(Types.JACKSON_DATABIND + ".type", "LogicalType");

    private WebhookParserEmitter() {}

    static JavaFile emit(ApiNames names) {
        ClassName parser = names.webhookParser();
        ClassName failure = names.parseException();
        ClassName source = parser.nestedClass("Source");
        ClassName kind = failure.nestedClass("Kind");

        TypeSpec.Builder type = TypeSpec.classBuilder(parser)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(Types.generated())
                .addJavadoc("Parses webhook bodies into events and writes events back as JSON, within {@link $T}.\n\n"
                        + "<p>The contract: a body with a known trigger binds to its event class in one pass, wherever\n"
                        + "{@code trigger} stands; any other trigger becomes an {@link $T} holding the whole payload.\n"
                        + "Fields the schemas do not model are kept, so {@link #toJson} gives back the JSON that came in.\n"
                        + "JSON is strict (RFC 8259: no comments, trailing commas, single quotes or duplicate keys), and\n"
                        + "scalars are not coerced ({@code \"sentAt\": \"1696934912\"} is an error, not a number).\n"
                        + "Everything else raises {@link $T}, and nothing else escapes.\n\n"
                        + "<p>Thread-safe: build one per set of limits ({@link $T#parser}) and share it.\n",
                        names.parseLimits(), names.unknownEvent(), failure, names.webhookEvents())
                .addField(names.parseLimits(), "limits", Modifier.PRIVATE, Modifier.FINAL)
                .addField(JSON_FACTORY, "factory", Modifier.PRIVATE, Modifier.FINAL)
                .addField(OBJECT_READER, "events", Modifier.PRIVATE, Modifier.FINAL)
                .addField(OBJECT_READER, "trees", Modifier.PRIVATE, Modifier.FINAL)
                .addField(OBJECT_WRITER, "writer", Modifier.PRIVATE, Modifier.FINAL);

        type.addMethod(MethodSpec.constructorBuilder()
                .addParameter(names.parseLimits(), "limits")
                .addStatement("this.limits = $T.requireNonNull(limits, $S)", Objects.class, "limits")
                .addCode(CodeBlock.builder()
                        .add("this.factory = $T.builder()\n", JSON_FACTORY).indent().indent()
                        .add(".streamReadConstraints($T.builder()\n", STREAM_READ_CONSTRAINTS).indent().indent()
                        .add(".maxDocumentLength(limits.maxDocumentBytes())\n")
                        .add(".maxNestingDepth(limits.maxNestingDepth())\n")
                        .add(".maxStringLength(limits.maxStringLength())\n")
                        .add(".build())\n").unindent().unindent()
                        .add(".build();\n").unindent().unindent()
                        .build())
                .addCode(CodeBlock.builder()
                        .add("$T mapper = $T.builder(factory)\n", JSON_MAPPER, JSON_MAPPER).indent().indent()
                        .add(".disable($T.ALLOW_COERCION_OF_SCALARS)\n", MAPPER_FEATURE)
                        .add(".disable($T.ACCEPT_FLOAT_AS_INT)\n", DESERIALIZATION_FEATURE)
                        .add(".enable($T.USE_BIG_DECIMAL_FOR_FLOATS)\n", DESERIALIZATION_FEATURE)
                        .add(".disable($T.STRIP_TRAILING_BIGDECIMAL_ZEROES)\n", JSON_NODE_FEATURE)
                        .add(".withCoercionConfig($T.Textual, config -> config\n", LOGICAL_TYPE).indent().indent()
                        .add(".setCoercion($T.Integer, $T.Fail)\n", COERCION_INPUT_SHAPE, COERCION_ACTION)
                        .add(".setCoercion($T.Float, $T.Fail)\n", COERCION_INPUT_SHAPE, COERCION_ACTION)
                        .add(".setCoercion($T.Boolean, $T.Fail))\n", COERCION_INPUT_SHAPE, COERCION_ACTION)
                        .unindent().unindent()
                        .add(".build();\n").unindent().unindent()
                        .build())
                .addStatement("this.events = mapper.readerFor($T.class)", names.webhookEvent())
                .addStatement("this.trees = mapper.readerFor($T.class)", Types.JSON_NODE)
                .addStatement("this.writer = mapper.writer()")
                .build());

        type.addMethod(MethodSpec.methodBuilder("limits")
                .addModifiers(Modifier.PUBLIC)
                .returns(names.parseLimits())
                .addJavadoc("The limits this parser enforces.\n")
                .addStatement("return limits")
                .build());

        type.addMethod(MethodSpec.methodBuilder("parse")
                .addModifiers(Modifier.PUBLIC)
                .returns(names.webhookEvent())
                .addParameter(byte[].class, "body")
                .addJavadoc("Parses a body of UTF-8 bytes.\n\n@throws $T if the body is not an event; never anything else\n", failure)
                .addStatement("$T.requireNonNull(body, $S)", Objects.class, "body")
                .addStatement("checkSize(body.length)")
                .addStatement("return read(() -> new $T(factory.createParser(body)))", DuplicateKeyGuardEmitter.name(names))
                .build());
        type.addMethod(MethodSpec.methodBuilder("parse")
                .addModifiers(Modifier.PUBLIC)
                .returns(names.webhookEvent())
                .addParameter(String.class, "body")
                .addJavadoc("Parses a body already decoded to text.\n\n@throws $T if the body is not an event; never anything else\n", failure)
                .addStatement("$T.requireNonNull(body, $S)", Objects.class, "body")
                .addStatement("checkSize(body.length())")
                .addStatement("return read(() -> new $T(factory.createParser(body)))", DuplicateKeyGuardEmitter.name(names))
                .build());
        type.addMethod(MethodSpec.methodBuilder("parse")
                .addModifiers(Modifier.PUBLIC)
                .returns(names.webhookEvent())
                .addParameter(InputStream.class, "body")
                .addJavadoc("Reads and parses a body; reads at most one byte past the size limit, and does not close\n"
                        + "the stream.\n\n@throws $T if the body cannot be read or is not an event; never anything else\n", failure)
                .addStatement("$T.requireNonNull(body, $S)", Objects.class, "body")
                .addStatement("byte[] bytes")
                .beginControlFlow("try")
                .addStatement("bytes = body.readNBytes(limits.maxDocumentBytes() + 1)")
                .nextControlFlow("catch ($T e)", IOException.class)
                .addStatement("throw new $T($T.UNREADABLE, $S + e.getMessage(), null, null, e)", failure, kind, "cannot read the body: ")
                .endControlFlow()
                .addStatement("return parse(bytes)")
                .build());

        type.addMethod(MethodSpec.methodBuilder("toJson")
                .addModifiers(Modifier.PUBLIC)
                .returns(String.class)
                .addParameter(names.webhookEvent(), "event")
                .addJavadoc("Writes an event back as JSON: for a parsed event, the JSON it was parsed from, key order,\n"
                        + "white space and explicit nulls aside.\n\n"
                        + "@throws IllegalArgumentException if the event holds a value Jackson cannot write\n")
                .addStatement("$T.requireNonNull(event, $S)", Objects.class, "event")
                .beginControlFlow("try")
                .addStatement("return writer.writeValueAsString(event)")
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("throw new $T($S + e.getOriginalMessage(), e)", IllegalArgumentException.class,
                        "cannot write the event as JSON: ")
                .endControlFlow()
                .build());

        type.addMethod(MethodSpec.methodBuilder("checkSize")
                .addModifiers(Modifier.PRIVATE)
                .addParameter(int.class, "length")
                .beginControlFlow("if (length > limits.maxDocumentBytes())")
                .addStatement("throw new $T($T.LIMIT_EXCEEDED, $S + limits.maxDocumentBytes() + $S, null, null, null)", failure, kind,
                        "the body is larger than the limit of ", " bytes")
                .endControlFlow()
                .build());

        type.addMethod(MethodSpec.methodBuilder("read")
                .addModifiers(Modifier.PRIVATE)
                .returns(names.webhookEvent())
                .addParameter(source, "source")
                .beginControlFlow("try ($T json = source.open())", JSON_PARSER)
                .addStatement("$T first = json.nextToken()", JSON_TOKEN)
                .beginControlFlow("if (first == null)")
                .addStatement("throw new $T($T.NOT_JSON, $S, null, null, null)", failure, kind, "empty body: a webhook is a JSON object")
                .endControlFlow()
                .beginControlFlow("if (first != $T.START_OBJECT)", JSON_TOKEN)
                .addStatement("throw new $T($T.NOT_AN_OBJECT, $S + describe(first), at(json.currentTokenLocation()), null, null)",
                        failure, kind, "the body must be a JSON object, not ")
                .endControlFlow()
                .addStatement("$T event = events.readValue(json)", names.webhookEvent())
                .addStatement("requireEnd(json)")
                .beginControlFlow("if (event instanceof $T)", names.unknownEvent())
                .addStatement("return unknown(tree(source))")
                .endControlFlow()
                .addStatement("return event")
                .nextControlFlow("catch ($T e)", JSON_PROCESSING_EXCEPTION)
                .addStatement("throw failure(e, source)")
                .nextControlFlow("catch ($T | $T e)", IOException.class, RuntimeException.class)
                .beginControlFlow("if (e instanceof $T parseFailure)", failure)
                .addStatement("throw parseFailure")
                .endControlFlow()
                .addStatement("throw new $T($T.UNREADABLE, $S + e, null, null, e)", failure, kind, "cannot parse the body: ")
                .endControlFlow()
                .build());

        type.addMethod(MethodSpec.methodBuilder("failure")
                .addModifiers(Modifier.PRIVATE)
                .returns(failure)
                .addParameter(JSON_PROCESSING_EXCEPTION, "e")
                .addParameter(source, "source")
                .addJavadoc("Says what Jackson found: a value that does not fit its field in a body that was valid JSON\n"
                        + "(which the exception keeps), or else broken JSON or a bound crossed.\n")
                .beginControlFlow("if (e instanceof $T mapping && limitCrossed(e) == null)", JSON_MAPPING_EXCEPTION)
                .beginControlFlow("try")
                .addStatement("return new $T($T.SCHEMA_DRIFT, mapping.getOriginalMessage().replace($S, $S), path(mapping), tree(source), e)",
                        failure, kind, " (but might if coercion using `CoercionConfig` was enabled)", "")
                .nextControlFlow("catch ($T broken)", JSON_PROCESSING_EXCEPTION)
                .addStatement("return syntax(broken)")
                .nextControlFlow("catch ($T unreadable)", IOException.class)
                .addStatement("return new $T($T.UNREADABLE, $S + unreadable, null, null, unreadable)", failure, kind, "cannot parse the body: ")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return syntax(e)")
                .build());

        type.addMethod(MethodSpec.methodBuilder("syntax")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(failure)
                .addParameter(JSON_PROCESSING_EXCEPTION, "e")
                .addStatement("$T limit = limitCrossed(e)", STREAM_CONSTRAINTS_EXCEPTION)
                .beginControlFlow("if (limit != null)")
                .addStatement("return new $T($T.LIMIT_EXCEEDED, $S + limit.getOriginalMessage(), at(limit.getLocation()), null, e)",
                        failure, kind, "over a limit: ")
                .endControlFlow()
                .addStatement("return new $T($T.NOT_JSON, $S + e.getOriginalMessage(), at(e.getLocation()), null, e)", failure, kind,
                        "not valid JSON: ")
                .build());

        type.addMethod(MethodSpec.methodBuilder("limitCrossed")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(STREAM_CONSTRAINTS_EXCEPTION)
                .addParameter(Throwable.class, "e")
                .addJavadoc("The crossed bound behind {@code e}, if any: databind may wrap it.\n")
                .beginControlFlow("for ($T cause = e; cause != null; cause = cause.getCause())", Throwable.class)
                .beginControlFlow("if (cause instanceof $T limit)", STREAM_CONSTRAINTS_EXCEPTION)
                .addStatement("return limit")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return null")
                .build());

        type.addMethod(MethodSpec.methodBuilder("tree")
                .addModifiers(Modifier.PRIVATE)
                .returns(Types.JSON_NODE)
                .addParameter(source, "source")
                .addJavadoc("The body as a tree, read again: for a body that failed the typed contract, and for an\n"
                        + "unknown trigger, which is kept exactly as it came.\n")
                .addException(IOException.class)
                .beginControlFlow("try ($T json = source.open())", JSON_PARSER)
                .addStatement("$T tree = trees.readValue(json)", Types.JSON_NODE)
                .addStatement("requireEnd(json)")
                .addStatement("return tree")
                .endControlFlow()
                .build());

        type.addMethod(MethodSpec.methodBuilder("requireEnd")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(JSON_PARSER, "json")
                .addException(IOException.class)
                .addJavadoc("A body is one JSON object: nothing may follow it.\n")
                .beginControlFlow("if (json.nextToken() != null)")
                .addStatement("throw new $T($T.NOT_JSON, $S, at(json.currentTokenLocation()), null, null)", failure, kind,
                        "unexpected content after the JSON object")
                .endControlFlow()
                .build());

        type.addMethod(MethodSpec.methodBuilder("unknown")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(names.unknownEvent())
                .addParameter(Types.JSON_NODE, "json")
                .addJavadoc("An event falls back to {@link $T} when its trigger is unknown, but also when it has\n"
                        + "none, or one that is not a string: only the first is an event.\n", names.unknownEvent())
                .addStatement("$T trigger = json.get($S)", Types.JSON_NODE, "trigger")
                .beginControlFlow("if (trigger == null)")
                .addStatement("throw new $T($T.SCHEMA_DRIFT, $S, $S, json, null)", failure, kind,
                        "missing: every webhook names its trigger", "$.trigger")
                .endControlFlow()
                .beginControlFlow("if (!trigger.isTextual())")
                .addStatement("throw new $T($T.SCHEMA_DRIFT, $S + trigger.getNodeType().name().toLowerCase($T.ROOT), $S, json, null)",
                        failure, kind, "must be a string, not ", java.util.Locale.class, "$.trigger")
                .endControlFlow()
                .addStatement("return new $T(($T) json)", names.unknownEvent(), Types.OBJECT_NODE)
                .build());

        type.addMethod(MethodSpec.methodBuilder("describe")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(JSON_TOKEN, "token")
                .addCode(CodeBlock.builder()
                        .add("return switch (token) {\n").indent()
                        .add("case START_ARRAY -> $S;\n", "an array")
                        .add("case VALUE_STRING -> $S;\n", "a string")
                        .add("case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> $S;\n", "a number")
                        .add("case VALUE_TRUE, VALUE_FALSE -> $S;\n", "a boolean")
                        .add("case VALUE_NULL -> $S;\n", "null")
                        .add("default -> token.name();\n")
                        .unindent().add("};\n")
                        .build())
                .build());

        type.addMethod(MethodSpec.methodBuilder("path")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(JSON_MAPPING_EXCEPTION, "e")
                .addJavadoc("The JSON path of a binding failure: {@code $$.data.all_occupants[0].joined_at}.\n")
                .addStatement("$T path = new $T($S)", StringBuilder.class, StringBuilder.class, "$")
                .beginControlFlow("for ($T.Reference step : e.getPath())", JSON_MAPPING_EXCEPTION)
                .beginControlFlow("if (step.getFieldName() != null)")
                .addStatement("path.append('.').append(step.getFieldName())")
                .nextControlFlow("else if (step.getIndex() >= 0)")
                .addStatement("path.append('[').append(step.getIndex()).append(']')")
                .endControlFlow()
                .endControlFlow()
                .addStatement("return path.toString()")
                .build());

        type.addMethod(MethodSpec.methodBuilder("at")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(String.class)
                .addParameter(JSON_LOCATION, "location")
                .beginControlFlow("if (location == null || location.getLineNr() < 1)")
                .addStatement("return null")
                .endControlFlow()
                .addStatement("return $S + location.getLineNr() + $S + location.getColumnNr()", "line ", ", column ")
                .build());

        type.addType(TypeSpec.interfaceBuilder(source)
                .addModifiers(Modifier.PRIVATE)
                .addAnnotation(FunctionalInterface.class)
                .addJavadoc("Opens the body once more: for the typed pass, and for the tree a drift failure keeps.\n")
                .addMethod(MethodSpec.methodBuilder("open")
                        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
                        .returns(JSON_PARSER)
                        .addException(IOException.class)
                        .build())
                .build());
        return Types.file(names.apiPackage(), type.build());
    }
}
