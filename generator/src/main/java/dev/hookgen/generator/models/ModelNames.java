package dev.hookgen.generator.models;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.codemodel.JCodeModel;
import org.jsonschema2pojo.util.NameHelper;

/** The accessor names jsonschema2pojo gives properties, for code that calls the models. */
public final class ModelNames {

    private static final NameHelper NAMES = new NameHelper(new ModelGenerationConfig());
    private static final JCodeModel TYPES = new JCodeModel();

    private ModelNames() {}

    /** {@code created_at} becomes {@code getCreatedAt}. */
    public static String getter(String property) {
        return NAMES.getGetterName(property, TYPES.ref(Object.class), JsonNodeFactory.instance.objectNode());
    }
}
