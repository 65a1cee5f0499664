package dev.hookgen.generator.api;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Emits {@code WebhookDispatcher}: routes an event to a {@code WebhookHandler} (double dispatch
 * through {@code WebhookEvent.dispatchTo}, no type tests), or to lambdas registered per event class.
 */
final class DispatcherEmitter {

    private DispatcherEmitter() {}

    static JavaFile emit(ApiNames names) {
        ClassName dispatcher = names.webhookDispatcher();
        ClassName builder = dispatcher.nestedClass("Builder");
        TypeName route = ParameterizedTypeName.get(ClassName.get(Consumer.class), names.webhookEvent());
        TypeName eventClass = ParameterizedTypeName.get(ClassName.get(Class.class),
                WildcardTypeName.subtypeOf(names.webhookEvent()));
        TypeName routes = ParameterizedTypeName.get(ClassName.get(Map.class), eventClass, route);
        TypeVariableName e = TypeVariableName.get("E", names.webhookEvent());

        TypeSpec builderType = TypeSpec.classBuilder(builder)
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("Collects one action per event class. Not thread-safe; the dispatcher it builds is.\n")
                .addField(FieldSpec.builder(routes, "routes", Modifier.PRIVATE, Modifier.FINAL)
                        .initializer("new $T<>()", HashMap.class).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(MethodSpec.methodBuilder("on")
                        .addModifiers(Modifier.PUBLIC)
                        .addTypeVariable(e)
                        .returns(builder)
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Class.class), e), "eventType")
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class), WildcardTypeName.supertypeOf(e)), "action")
                        .addJavadoc("Runs {@code action} for every event of class {@code eventType}.\n\n"
                                + "@throws IllegalArgumentException if {@code eventType} is not an event class\n"
                                + "@throws IllegalStateException if {@code eventType} already has an action\n")
                        .addStatement("$T.requireNonNull(eventType, $S)", Objects.class, "eventType")
                        .addStatement("$T.requireNonNull(action, $S)", Objects.class, "action")
                        .beginControlFlow("if (eventType.isInterface())")
                        .addStatement("throw new $T($S + eventType.getName())", IllegalArgumentException.class,
                                "register an event class, not the interface ")
                        .endControlFlow()
                        .beginControlFlow("if (routes.putIfAbsent(eventType, event -> action.accept(eventType.cast(event))) != null)")
                        .addStatement("throw new $T(eventType.getSimpleName() + $S)", IllegalStateException.class,
                                " already has an action")
                        .endControlFlow()
                        .addStatement("return this")
                        .build())
                .addMethod(MethodSpec.methodBuilder("onUnknown")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(builder)
                        .addParameter(ParameterizedTypeName.get(ClassName.get(Consumer.class),
                                WildcardTypeName.supertypeOf(names.unknownEvent())), "action")
                        .addJavadoc("Runs {@code action} for every event whose trigger has no schema.\n")
                        .addStatement("return on($T.class, action)", names.unknownEvent())
                        .build())
                .addMethod(MethodSpec.methodBuilder("build")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(dispatcher)
                        .addJavadoc("A dispatcher running the registered actions; events without one are ignored.\n")
                        .addStatement("$T table = $T.copyOf(routes)", routes, Map.class)
                        .addStatement("return new $T(event -> table.getOrDefault(event.getClass(), ignored -> { }).accept(event))",
                                dispatcher)
                        .build())
                .build();

        TypeSpec type = TypeSpec.classBuilder(dispatcher)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(Types.generated())
                .addJavadoc("Routes parsed events to code: to a {@link $T}, or to lambdas registered per event class.\n"
                        + "<pre>{@code\n"
                        + "WebhookDispatcher dispatcher = WebhookDispatcher.builder()\n"
                        + "        .on(MessageSentEvent.class, event -> store(event.getData().getMessage()))\n"
                        + "        .onUnknown(event -> log(event.getTrigger()))\n"
                        + "        .build();\n"
                        + "dispatcher.dispatch(WebhookEvents.parse(body));\n"
                        + "}</pre>\n"
                        + "Thread-safe: one dispatcher serves every request.\n", names.webhookHandler())
                .addField(route, "route", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PRIVATE)
                        .addParameter(route, "route")
                        .addStatement("this.route = route")
                        .build())
                .addMethod(MethodSpec.methodBuilder("of")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(dispatcher)
                        .addParameter(names.webhookHandler(), "handler")
                        .addJavadoc("A dispatcher calling {@code handler}'s method for each event's trigger.\n")
                        .addStatement("$T.requireNonNull(handler, $S)", Objects.class, "handler")
                        .addStatement("return new $T(event -> event.dispatchTo(handler))", dispatcher)
                        .build())
                .addMethod(MethodSpec.methodBuilder("builder")
                        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                        .returns(builder)
                        .addJavadoc("Starts a dispatcher of lambdas, one per event class.\n")
                        .addStatement("return new $T()", builder)
                        .build())
                .addMethod(MethodSpec.methodBuilder("dispatch")
                        .addModifiers(Modifier.PUBLIC)
                        .addParameter(names.webhookEvent(), "event")
                        .addJavadoc("Hands {@code event} to the code registered for its class.\n")
                        .addStatement("route.accept($T.requireNonNull(event, $S))", Objects.class, "event")
                        .build())
                .addType(builderType)
                .build();
        return Types.file(names.apiPackage(), type);
    }
}
