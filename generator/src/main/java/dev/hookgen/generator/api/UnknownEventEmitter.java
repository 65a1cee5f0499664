package dev.hookgen.generator.api;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.hookgen.runtime.UntypedEvent;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code UnknownEvent}: the runtime's {@link UntypedEvent} (a trigger without a schema, kept whole)
 * placed in the catalog's sealed hierarchy, with its dispatch.
 */
final class UnknownEventEmitter {

    private UnknownEventEmitter() {}

    static JavaFile emit(ApiNames names) {
        TypeSpec type = TypeSpec.classBuilder(names.unknownEvent())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(UntypedEvent.class)
                .addSuperinterface(names.webhookEvent())
                .addAnnotation(Types.generated())
                .addJavadoc("An event whose trigger has no schema: the whole payload, kept as it arrived.\n\n"
                        + "<p>CometChat keeps adding triggers; a receiver built on this library takes them as\n"
                        + "{@code UnknownEvent}s instead of failing, and {@link $T#toJson} writes them back unchanged.\n",
                        names.webhookEvents())
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .addAnnotation(AnnotationSpec.builder(Types.JSON_CREATOR)
                                .addMember("mode", "$T.Mode.DELEGATING", Types.JSON_CREATOR).build())
                        .addParameter(Types.OBJECT_NODE, "json")
                        .addJavadoc("@param json the whole payload\n")
                        .addStatement("super(json)")
                        .build())
                .addMethod(MethodSpec.methodBuilder("dispatchTo")
                        .addModifiers(Modifier.PUBLIC)
                        .addAnnotation(Override.class)
                        .addParameter(names.webhookHandler(), "handler")
                        .addStatement("handler.onUnknown(this)")
                        .build())
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
