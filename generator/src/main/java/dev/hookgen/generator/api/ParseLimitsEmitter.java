package dev.hookgen.generator.api;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeSpec;
import javax.lang.model.element.Modifier;

/** Emits {@code ParseLimits}: the bounds that keep hostile input cheap to reject. */
final class ParseLimitsEmitter {

    private static final String[][] LIMITS = {
        {"maxDocumentBytes", "1_048_576", "the largest body accepted, in bytes (default 1 MiB)"},
        {"maxNestingDepth", "64", "the deepest nesting of objects and arrays accepted (default 64)"},
        {"maxStringLength", "1_048_576", "the longest string value accepted, in characters (default 1 Mi)"},
    };

    private ParseLimitsEmitter() {}

    static JavaFile emit(ApiNames names) {
        TypeSpec.Builder type = TypeSpec.recordBuilder(names.parseLimits())
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Types.generated())
                .addJavadoc("The bounds a parser puts on a body before it binds anything. Input past a bound is\n"
                        + "rejected with a {@link $T} as soon as the bound is crossed.\n", names.parseException());
        MethodSpec.Builder record = MethodSpec.constructorBuilder();
        MethodSpec.Builder check = MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC);
        StringBuilder defaults = new StringBuilder();
        for (String[] limit : LIMITS) {
            String name = limit[0];
            String constant = "DEFAULT_" + name.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT);
            record.addParameter(ParameterSpec.builder(int.class, name).build());
            type.addJavadoc("@param $L $L\n", name, limit[2]);
            type.addField(FieldSpec.builder(int.class, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .initializer(limit[1]).build());
            check.beginControlFlow("if ($L < 1 || $L > Integer.MAX_VALUE - 8)", name, name)
                    .addStatement("throw new $T($S + $L)", IllegalArgumentException.class, name + " out of range: ", name)
                    .endControlFlow();
            defaults.append(defaults.length() == 0 ? "" : ", ").append(constant);
            type.addMethod(MethodSpec.methodBuilder("with" + Character.toUpperCase(name.charAt(0)) + name.substring(1))
                    .addModifiers(Modifier.PUBLIC)
                    .returns(names.parseLimits())
                    .addParameter(int.class, name)
                    .addJavadoc("A copy with $L set.\n", name)
                    .addStatement("return new $T($L)", names.parseLimits(), String.join(", ",
                            java.util.Arrays.stream(LIMITS).map(l -> l[0].equals(name) ? name : "this." + l[0]).toList()))
                    .build());
        }
        type.recordConstructor(record.build());
        type.addMethod(check.build());
        type.addMethod(MethodSpec.methodBuilder("defaults")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(names.parseLimits())
                .addJavadoc("The defaults: generous for any CometChat payload, small enough to refuse abuse.\n")
                .addStatement("return new $T($L)", names.parseLimits(), defaults)
                .build());
        return Types.file(names.apiPackage(), type.build());
    }
}
