package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookgen.runtime.DriftPolicy;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code WebhookParser}: the runtime's {@link EventReader} bound to this catalog's {@code WebhookEvent}
 * and {@code UnknownEvent}. The parsing contract itself is hand-written in the runtime.
 */
final class WebhookParserEmitter {

    private WebhookParserEmitter() {}

    static JavaFile emit(ApiNames names) {
        TypeSpec type = TypeSpec.classBuilder(names.webhookParser())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(ParameterizedTypeName.get(ClassName.get(EventReader.class), names.webhookEvent()))
                .addAnnotation(Types.generated())
                .addJavadoc("Parses bodies into {@link $T}s and writes them back as JSON: the runtime's {@link $T}\n"
                        + "bound to this catalog, with {@link $T} for triggers without a schema. {@link $T} states the\n"
                        + "parsing contract. Thread-safe: get one from {@link $T#parser} and share it.\n",
                        names.webhookEvent(), EventReader.class, names.unknownEvent(), EventReader.class, names.webhookEvents())
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(ParseLimits.class, "limits")
                        .addParameter(DriftPolicy.class, "driftPolicy")
                        .addStatement("super($T.class, $T::new, limits, driftPolicy)", names.webhookEvent(), names.unknownEvent())
                        .build())
                .addMethod(MethodSpec.methodBuilder("withLimits")
                        .addModifiers(Modifier.PUBLIC)
                        .addAnnotation(Override.class)
                        .returns(names.webhookParser())
                        .addParameter(ParseLimits.class, "limits")
                        .addStatement("return new $T(limits, driftPolicy())", names.webhookParser())
                        .build())
                .addMethod(MethodSpec.methodBuilder("withDriftPolicy")
                        .addModifiers(Modifier.PUBLIC)
                        .addAnnotation(Override.class)
                        .returns(names.webhookParser())
                        .addParameter(DriftPolicy.class, "driftPolicy")
                        .addStatement("return new $T(limits(), driftPolicy)", names.webhookParser())
                        .build())
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
