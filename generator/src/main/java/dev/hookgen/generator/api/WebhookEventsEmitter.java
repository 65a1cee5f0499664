package dev.hookgen.generator.api;

import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.hookgen.runtime.DriftPolicy;
import dev.hookgen.runtime.EventReader;
import dev.hookgen.runtime.ParseLimits;
import dev.hookgen.runtime.WebhookParseException;
import java.io.InputStream;
import javax.lang.model.element.Modifier;

/** Emits {@code WebhookEvents}: the static front door, backed by one shared default parser. */
final class WebhookEventsEmitter {

    private WebhookEventsEmitter() {}

    static JavaFile emit(ApiNames names) {
        TypeSpec.Builder type = TypeSpec.classBuilder(names.webhookEvents())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(Types.generated())
                .addJavadoc("Parses CometChat webhook bodies into events, and writes events back as JSON.\n"
                        + "<pre>{@code\n"
                        + "WebhookEvent event = WebhookEvents.parse(body);\n"
                        + "String json = WebhookEvents.toJson(event);\n"
                        + "}</pre>\n"
                        + "The static methods use one shared {@link $T} with {@link $T#defaults()}; see {@link $T} for\n"
                        + "the parsing contract, and {@link #parser($T)} for other limits.\n",
                        names.webhookParser(), ParseLimits.class, EventReader.class, ParseLimits.class)
                .addField(FieldSpec.builder(names.webhookParser(), "DEFAULT", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T($T.defaults(), $T.TOLERATE)", names.webhookParser(), ParseLimits.class, DriftPolicy.class)
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
        for (TypeName body : new TypeName[] {TypeName.get(byte[].class), TypeName.get(String.class), TypeName.get(InputStream.class)}) {
            type.addMethod(MethodSpec.methodBuilder("parse")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(names.webhookEvent())
                    .addParameter(body, "body")
                    .addJavadoc("Parses a body with the default limits.\n\n@throws $T if the body is not an event\n",
                            WebhookParseException.class)
                    .addStatement("return DEFAULT.parse(body)")
                    .build());
        }
        type.addMethod(MethodSpec.methodBuilder("toJson")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(String.class)
                .addParameter(names.webhookEvent(), "event")
                .addJavadoc("Writes an event back as JSON: for a parsed event, the same JSON value it was parsed from.\n")
                .addStatement("return DEFAULT.toJson(event)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("parser")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(names.webhookParser())
                .addJavadoc("The shared parser with the default limits.\n")
                .addStatement("return DEFAULT")
                .build());
        type.addMethod(MethodSpec.methodBuilder("parser")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(names.webhookParser())
                .addParameter(ParseLimits.class, "limits")
                .addJavadoc("A new parser with other limits. Build it once and share it: it is thread-safe.\n")
                .addStatement("return DEFAULT.withLimits(limits)")
                .build());
        return Types.file(names.apiPackage(), type.build());
    }
}
