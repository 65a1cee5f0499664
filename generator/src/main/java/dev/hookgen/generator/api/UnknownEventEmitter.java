package dev.hookgen.generator.api;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import java.util.Objects;
import javax.lang.model.element.Modifier;

/** Emits {@code UnknownEvent}: a trigger without a schema, kept whole as raw JSON. */
final class UnknownEventEmitter {

    private UnknownEventEmitter() {}

    static JavaFile emit(ApiNames names) {
        TypeSpec.Builder type = TypeSpec.classBuilder(names.unknownEvent())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(names.webhookEvent())
                .addAnnotation(Types.generated())
                .addJavadoc("An event whose trigger has no schema: the whole payload, kept as it arrived.\n\n"
                        + "<p>CometChat keeps adding triggers; a receiver built on this library takes them as\n"
                        + "{@code UnknownEvent}s instead of failing, and {@link $T#toJson} writes them back unchanged.\n",
                        names.webhookEvents())
                .addField(FieldSpec.builder(Types.OBJECT_NODE, "json", Modifier.PRIVATE, Modifier.FINAL).build());

        type.addMethod(MethodSpec.constructorBuilder()
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(AnnotationSpec.builder(Types.JSON_CREATOR)
                        .addMember("mode", "$T.Mode.DELEGATING", Types.JSON_CREATOR).build())
                .addParameter(Types.OBJECT_NODE, "json")
                .addJavadoc("@param json the whole payload\n")
                .addStatement("this.json = $T.requireNonNull(json, $S)", Objects.class, "json")
                .build());
        type.addMethod(MethodSpec.methodBuilder("json")
                .addModifiers(Modifier.PUBLIC)
                .returns(Types.OBJECT_NODE)
                .addJavadoc("The whole payload, as a copy that the caller may change.\n")
                .addStatement("return json.deepCopy()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("payload")
                .addModifiers(Modifier.PRIVATE)
                .addAnnotation(Types.JSON_VALUE)
                .returns(Types.OBJECT_NODE)
                .addStatement("return json")
                .build());
        type.addMethod(text("getTrigger", "trigger"));
        type.addMethod(text("getAppId", "appId"));
        type.addMethod(text("getRegion", "region"));
        type.addMethod(text("getWebhook", "webhook"));
        type.addMethod(MethodSpec.methodBuilder("idempotencyKey")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(String.class)
                .addJavadoc("No schema names this trigger's identifying fields, so the key is the webhook, the trigger\n"
                        + "and a SHA-256 digest of the payload: a repeated delivery of the same bytes has the same key.\n")
                .addStatement("return $T.of(getWebhook(), getTrigger(), $T.digest(json))",
                        names.idempotencyKey(), names.idempotencyKey())
                .build());
        type.addMethod(MethodSpec.methodBuilder("dispatchTo")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .addParameter(names.webhookHandler(), "handler")
                .addStatement("handler.onUnknown(this)")
                .build());
        type.addMethod(MethodSpec.methodBuilder("equals")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(boolean.class)
                .addParameter(Object.class, "other")
                .addStatement("return other instanceof $T that && json.equals(that.json)", names.unknownEvent())
                .build());
        type.addMethod(MethodSpec.methodBuilder("hashCode")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(int.class)
                .addStatement("return json.hashCode()")
                .build());
        type.addMethod(MethodSpec.methodBuilder("toString")
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(String.class)
                .addStatement("return $S + getTrigger() + $S + json.size() + $S", "UnknownEvent[trigger=", ", fields=", "]")
                .build());
        return Types.file(names.apiPackage(), type.build());
    }

    private static MethodSpec text(String method, String field) {
        return MethodSpec.methodBuilder(method)
                .addModifiers(Modifier.PUBLIC)
                .addAnnotation(Override.class)
                .returns(String.class)
                .addStatement("return json.path($S).textValue()", field)
                .build();
    }
}
