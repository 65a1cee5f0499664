package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code DuplicateKeyGuard}: rejects a JSON object that repeats a key, as Jackson's
 * {@code STRICT_DUPLICATE_DETECTION} does, without a hash set per object. Jackson's detector
 * allocates a {@code HashSet} for every object of three or more keys (1.8 KB on a message_sent
 * body); this one keeps the open objects' keys in one array, scans it for objects of up to 16 keys
 * (webhook objects have a few dozen keys at most, the scan is a handful of reference compares since
 * field names are canonical) and switches an object to a hash set beyond that, so that a body of a
 * million keys stays linear. Every way databind advances a parser is tracked: {@code nextToken},
 * and Jackson's fast paths {@code nextFieldName} (both) and {@code nextTextValue} are forwarded and
 * the token they moved to followed; {@code nextValue}, {@code skipChildren} and the other
 * {@code next*Value} methods of {@code JsonParser} go through {@code nextToken}.
 */
final class DuplicateKeyGuardEmitter {

    private static final ClassName DELEGATE = ClassName.get(Types.JACKSON_CORE + ".util", "JsonParserDelegate");
    private static final ClassName PARSER = ClassName.get(Types.JACKSON_CORE, "JsonParser");
    private static final ClassName TOKEN = ClassName.get(Types.JACKSON_CORE, "JsonToken");
    private static final ClassName SERIALIZABLE_STRING = ClassName.get(Types.JACKSON_CORE, "SerializableString");
    private static final ClassName PARSE_EXCEPTION = ClassName.get(Types.JACKSON_CORE, "JsonParseException");

    private DuplicateKeyGuardEmitter() {}

    static ClassName name(ApiNames names) {
        return ClassName.get(names.apiPackage(), "DuplicateKeyGuard");
    }

    static JavaFile emit(ApiNames names) {
        TypeName set = ParameterizedTypeName.get(ClassName.get(HashSet.class), ClassName.get(String.class));
        TypeName sets = ParameterizedTypeName.get(ClassName.get(List.class), set);
        TypeSpec type = TypeSpec.classBuilder(name(names))
                .addModifiers(Modifier.FINAL)
                .superclass(DELEGATE)
                .addAnnotation(Types.generated())
                .addJavadoc("Rejects a JSON object that repeats a key (RFC 8259 strict reading), allocating no set per\n"
                        + "object: the keys of the open objects share one array, scanned for objects of up to\n"
                        + "{@value #SCAN_LIMIT} keys; a larger object switches to a hash set, so that the check stays linear.\n"
                        + "One guard reads one body, on one thread.\n")
                .addField(FieldSpec.builder(int.class, "SCAN_LIMIT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("16").build())
                .addField(FieldSpec.builder(String[].class, "keys", Modifier.PRIVATE).initializer("new String[32]").build())
                .addField(FieldSpec.builder(int[].class, "hashes", Modifier.PRIVATE).initializer("new int[32]")
                        .addJavadoc("The hash of each key in {@link #keys}: canonical field names cache theirs, so most\n"
                                + "comparisons are of two ints.\n").build())
                .addField(FieldSpec.builder(int[].class, "starts", Modifier.PRIVATE).initializer("new int[16]").build())
                .addField(FieldSpec.builder(sets, "large", Modifier.PRIVATE)
                        .addJavadoc("Per open object, its key set once it has more than {@link #SCAN_LIMIT} keys; null until then.\n")
                        .build())
                .addField(FieldSpec.builder(int.class, "size", Modifier.PRIVATE)
                        .addJavadoc("Keys in use in {@link #keys}, across the open objects.\n").build())
                .addField(FieldSpec.builder(int.class, "depth", Modifier.PRIVATE)
                        .addJavadoc("Open objects; arrays hold no keys and do not count.\n").build())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(PARSER, "parser")
                        .addStatement("super(parser)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("nextToken")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TOKEN)
                        .addException(IOException.class)
                        .addStatement("return track(delegate.nextToken())")
                        .build())
                .addMethod(MethodSpec.methodBuilder("nextFieldName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addException(IOException.class)
                        .addJavadoc("Jackson's own fast path for field names, tracked.\n")
                        .addStatement("String name = delegate.nextFieldName()")
                        .addStatement("track(delegate.currentToken())")
                        .addStatement("return name")
                        .build())
                .addMethod(MethodSpec.methodBuilder("nextFieldName")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class)
                        .addParameter(SERIALIZABLE_STRING, "expected")
                        .addException(IOException.class)
                        .addStatement("boolean matches = delegate.nextFieldName(expected)")
                        .addStatement("track(delegate.currentToken())")
                        .addStatement("return matches")
                        .build())
                .addMethod(MethodSpec.methodBuilder("nextTextValue")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addException(IOException.class)
                        .addStatement("String text = delegate.nextTextValue()")
                        .addStatement("track(delegate.currentToken())")
                        .addStatement("return text")
                        .build())
                .addMethod(MethodSpec.methodBuilder("track")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(TOKEN)
                        .addParameter(TOKEN, "token")
                        .addException(IOException.class)
                        .addJavadoc("Follows the token the parser moved to: a key is checked, an object opens or closes.\n")
                        .beginControlFlow("if (token == $T.FIELD_NAME)", TOKEN)
                        .addStatement("key(delegate.currentName())")
                        .nextControlFlow("else if (token == $T.START_OBJECT)", TOKEN)
                        .addStatement("enterObject()")
                        .nextControlFlow("else if (token == $T.END_OBJECT)", TOKEN)
                        .addStatement("leaveObject()")
                        .endControlFlow()
                        .addStatement("return token")
                        .build())
                .addMethod(MethodSpec.methodBuilder("nextValue")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(TOKEN)
                        .addException(IOException.class)
                        .addStatement("$T token = nextToken()", TOKEN)
                        .addStatement("return token == $T.FIELD_NAME ? nextToken() : token", TOKEN)
                        .build())
                .addMethod(MethodSpec.methodBuilder("skipChildren")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(PARSER)
                        .addException(IOException.class)
                        .addJavadoc("Skips through {@link #nextToken()}, so that skipped objects are checked too.\n")
                        .beginControlFlow("if (!delegate.hasToken($T.START_OBJECT) && !delegate.hasToken($T.START_ARRAY))", TOKEN, TOKEN)
                        .addStatement("return this")
                        .endControlFlow()
                        .beginControlFlow("for (int open = 1; open > 0; )")
                        .addStatement("$T token = nextToken()", TOKEN)
                        .beginControlFlow("if (token == null)")
                        .addStatement("break")
                        .endControlFlow()
                        .addStatement("open += token.isStructStart() ? 1 : token.isStructEnd() ? -1 : 0")
                        .endControlFlow()
                        .addStatement("return this")
                        .build())
                .addMethod(MethodSpec.methodBuilder("enterObject")
                        .addModifiers(Modifier.PRIVATE)
                        .beginControlFlow("if (depth == starts.length)")
                        .addStatement("starts = $T.copyOf(starts, depth * 2)", Arrays.class)
                        .endControlFlow()
                        .addStatement("starts[depth++] = size")
                        .build())
                .addMethod(MethodSpec.methodBuilder("leaveObject")
                        .addModifiers(Modifier.PRIVATE)
                        .beginControlFlow("if (depth > 0)")
                        .addStatement("size = starts[--depth]")
                        .beginControlFlow("if (large != null && depth < large.size())")
                        .addStatement("large.set(depth, null)")
                        .endControlFlow()
                        .endControlFlow()
                        .build())
                .addMethod(MethodSpec.methodBuilder("key")
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(String.class, "key")
                        .addException(PARSE_EXCEPTION)
                        .addStatement("int object = depth - 1")
                        .addStatement("$T set = large == null || object >= large.size() ? null : large.get(object)", set)
                        .beginControlFlow("if (set != null)")
                        .beginControlFlow("if (!set.add(key))")
                        .addStatement("throw duplicate(key)")
                        .endControlFlow()
                        .addStatement("return")
                        .endControlFlow()
                        .addStatement("int start = starts[object]")
                        .addStatement("int hash = key.hashCode()")
                        .beginControlFlow("for (int i = start; i < size; i++)")
                        .beginControlFlow("if (hashes[i] == hash && keys[i].equals(key))")
                        .addStatement("throw duplicate(key)")
                        .endControlFlow()
                        .endControlFlow()
                        .beginControlFlow("if (size - start == SCAN_LIMIT)")
                        .addStatement("set = new $T($T.asList(keys).subList(start, size))", set, Arrays.class)
                        .addStatement("set.add(key)")
                        .beginControlFlow("if (large == null)")
                        .addStatement("large = new $T<>()", ArrayList.class)
                        .endControlFlow()
                        .beginControlFlow("while (large.size() <= object)")
                        .addStatement("large.add(null)")
                        .endControlFlow()
                        .addStatement("large.set(object, set)")
                        .addStatement("return")
                        .endControlFlow()
                        .beginControlFlow("if (size == keys.length)")
                        .addStatement("keys = $T.copyOf(keys, size * 2)", Arrays.class)
                        .addStatement("hashes = $T.copyOf(hashes, size * 2)", Arrays.class)
                        .endControlFlow()
                        .addStatement("hashes[size] = hash")
                        .addStatement("keys[size++] = key")
                        .build())
                .addMethod(MethodSpec.methodBuilder("duplicate")
                        .addModifiers(Modifier.PRIVATE)
                        .returns(PARSE_EXCEPTION)
                        .addParameter(String.class, "key")
                        .addStatement("return new $T(this, $S + key + $S)", PARSE_EXCEPTION, "Duplicate field '", "'")
                        .build())
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
