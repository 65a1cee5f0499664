package dev.hookgen.generator.models;

import com.sun.codemodel.ClassType;
import com.sun.codemodel.JClass;
import com.sun.codemodel.JClassAlreadyExistsException;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JMod;
import dev.hookgen.generator.api.ApiNames;
import dev.hookgen.runtime.IdempotencyKey;
import dev.hookgen.runtime.Requires;
import dev.hookgen.runtime.TypedEvent;
import java.util.HashMap;
import java.util.Map;

/**
 * The types the models refer to but JavaPoet writes ({@code WebhookEvent}, the union interfaces,
 * ...). They are declared in the code model, so that references get imports, and hidden, so that
 * jsonschema2pojo writes no file for them. Runtime types ({@code IdempotencyKey}, {@code TypedEvent}, {@code Requires}) are plain references.
 */
final class ApiTypes {

    private final JCodeModel codeModel;
    private final Map<String, JDefinedClass> declared = new HashMap<>();
    final JDefinedClass webhookEvent;
    final JDefinedClass webhookHandler;
    final JClass idempotencyKey;
    final JClass typedEvent;
    final JClass requires;

    ApiTypes(JCodeModel codeModel, ApiNames names) {
        this.codeModel = codeModel;
        this.webhookEvent = declare(names.webhookEvent().canonicalName(), ClassType.INTERFACE);
        this.webhookHandler = declare(names.webhookHandler().canonicalName(), ClassType.INTERFACE);
        this.idempotencyKey = codeModel.ref(IdempotencyKey.class);
        this.typedEvent = codeModel.ref(TypedEvent.class);
        this.requires = codeModel.ref(Requires.class);
    }

    JDefinedClass declareInterface(String qualifiedName) {
        return declare(qualifiedName, ClassType.INTERFACE);
    }

    private JDefinedClass declare(String qualifiedName, ClassType kind) {
        return declared.computeIfAbsent(qualifiedName, name -> {
            try {
                JDefinedClass type = codeModel._class(JMod.PUBLIC, name, kind);
                type.hide();
                return type;
            } catch (JClassAlreadyExistsException e) {
                throw new IllegalStateException(name + " is declared by a schema and by the event API", e);
            }
        });
    }
}
