package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Emits {@code WebhookParseException}: the one exception a parser throws. */
final class ParseExceptionEmitter {

    private ParseExceptionEmitter() {}

    static JavaFile emit(ApiNames names) {
        ClassName kind = names.parseException().nestedClass("Kind");
        TypeSpec kinds = TypeSpec.enumBuilder(kind)
                .addModifiers(Modifier.PUBLIC)
                .addJavadoc("What kind of body was refused, for code that answers each kind differently.\n")
                .addEnumConstant("NOT_JSON", TypeSpec.anonymousClassBuilder("")
                        .addJavadoc("Empty, broken, truncated, not UTF-8, duplicate keys, or content after the object.\n").build())
                .addEnumConstant("NOT_AN_OBJECT", TypeSpec.anonymousClassBuilder("")
                        .addJavadoc("Valid JSON, but an array, a string, a number, a boolean or null.\n").build())
                .addEnumConstant("LIMIT_EXCEEDED", TypeSpec.anonymousClassBuilder("")
                        .addJavadoc("Larger, deeper or with longer strings than the {@link $T} allow.\n", names.parseLimits())
                        .build())
                .addEnumConstant("SCHEMA_DRIFT", TypeSpec.anonymousClassBuilder("")
                        .addJavadoc("A JSON object that does not fit the typed contract; {@link #payload()} holds it.\n").build())
                .addEnumConstant("UNREADABLE", TypeSpec.anonymousClassBuilder("")
                        .addJavadoc("The body could not be read.\n").build())
                .build();
        TypeSpec type = TypeSpec.classBuilder(names.parseException())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(RuntimeException.class)
                .addAnnotation(Types.generated())
                .addJavadoc("A body that could not be parsed into an event: the only exception {@link $T} throws.\n\n"
                        + "<p>The message says what is wrong and where: a JSON path such as {@code $$.data.message.sentAt}\n"
                        + "for a value of the wrong type, or a line and column for broken JSON. When the body was valid\n"
                        + "JSON but did not fit the typed contract (schema drift), {@link #payload()} holds it, so that a\n"
                        + "receiver can set it aside instead of losing it.\n", names.webhookParser())
                .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("1L").build())
                .addField(kind, "kind", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "problem", Modifier.PRIVATE, Modifier.FINAL)
                .addField(String.class, "location", Modifier.PRIVATE, Modifier.FINAL)
                .addField(Types.JSON_NODE, "payload", Modifier.PRIVATE, Modifier.FINAL, Modifier.TRANSIENT)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(kind, "kind")
                        .addParameter(String.class, "problem")
                        .addParameter(String.class, "location")
                        .addParameter(Types.JSON_NODE, "payload")
                        .addParameter(Throwable.class, "cause")
                        .addStatement("super(location == null ? problem : location + $S + problem, cause)", ": ")
                        .addStatement("this.kind = kind")
                        .addStatement("this.problem = problem")
                        .addStatement("this.location = location")
                        .addStatement("this.payload = payload")
                        .build())
                .addMethod(MethodSpec.methodBuilder("kind")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(kind)
                        .addJavadoc("What kind of body was refused.\n")
                        .addStatement("return kind")
                        .build())
                .addMethod(MethodSpec.methodBuilder("problem")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addJavadoc("What is wrong, without the location.\n")
                        .addStatement("return problem")
                        .build())
                .addMethod(MethodSpec.methodBuilder("location")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), ClassName.get(String.class)))
                        .addJavadoc("Where: a JSON path ({@code $$.data.message.sentAt}) or a line and column.\n")
                        .addStatement("return $T.ofNullable(location)", Optional.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("payload")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(ClassName.get(Optional.class), Types.JSON_NODE))
                        .addJavadoc("The body as a JSON tree when it was valid JSON that failed the typed contract.\n")
                        .addStatement("return $T.ofNullable(payload)", Optional.class)
                        .build())
                .addMethod(MethodSpec.methodBuilder("isSchemaDrift")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(boolean.class)
                        .addJavadoc("Whether the body was valid JSON that failed the typed contract; {@link #payload()} has it.\n")
                        .addStatement("return kind == $T.SCHEMA_DRIFT", kind)
                        .build())
                .addType(kinds)
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
