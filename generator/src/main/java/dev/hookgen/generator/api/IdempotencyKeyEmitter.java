package dev.hookgen.generator.api;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.lang.model.element.Modifier;

/** Emits {@code IdempotencyKey}, the package-private helper the event classes build their keys with. */
final class IdempotencyKeyEmitter {

    private IdempotencyKeyEmitter() {}

    static JavaFile emit(ApiNames names) {
        TypeSpec type = TypeSpec.classBuilder(names.idempotencyKey())
                .addModifiers(Modifier.FINAL)
                .addAnnotation(Types.generated())
                .addJavadoc("Builds idempotency keys: the parts joined by {@code ':'}, each part's own {@code '%'} and\n"
                        + "{@code ':'} percent-encoded, so that two different lists of parts never give the same key.\n"
                        + "A missing part is empty.\n")
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.STATIC)
                        .varargs()
                        .returns(String.class)
                        .addParameter(Object[].class, "parts")
                        .addStatement("$T key = new $T()", StringBuilder.class, StringBuilder.class)
                        .beginControlFlow("for (int i = 0; i < parts.length; i++)")
                        .beginControlFlow("if (i > 0)")
                        .addStatement("key.append(':')")
                        .endControlFlow()
                        .beginControlFlow("if (parts[i] != null)")
                        .addStatement("key.append(String.valueOf(parts[i]).replace($S, $S).replace($S, $S))", "%", "%25", ":", "%3A")
                        .endControlFlow()
                        .endControlFlow()
                        .addStatement("return key.toString()")
                        .build())
                .addMethod(MethodSpec.methodBuilder("digest")
                        .addModifiers(Modifier.STATIC)
                        .returns(String.class)
                        .addParameter(Types.JSON_NODE, "json")
                        .addJavadoc("SHA-256 of the JSON text, in hex.\n")
                        .beginControlFlow("try")
                        .addStatement("byte[] hash = $T.getInstance($S).digest(json.toString().getBytes($T.UTF_8))",
                                MessageDigest.class, "SHA-256", StandardCharsets.class)
                        .addStatement("return $T.of().formatHex(hash)", HexFormat.class)
                        .nextControlFlow("catch ($T e)", NoSuchAlgorithmException.class)
                        .addStatement("throw new $T($S, e)", IllegalStateException.class, "every Java platform has SHA-256")
                        .endControlFlow()
                        .build())
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
