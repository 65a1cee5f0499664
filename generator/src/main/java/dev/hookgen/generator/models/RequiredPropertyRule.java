package dev.hookgen.generator.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.codemodel.JAnnotationUse;
import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JFieldVar;
import com.sun.codemodel.JMethod;
import java.util.Collection;
import org.jsonschema2pojo.Schema;
import org.jsonschema2pojo.rules.RequiredArrayRule;
import org.jsonschema2pojo.rules.RuleFactory;

/**
 * jsonschema2pojo's rule for a schema's {@code required} array, which only documents the fields, extended to
 * mark each one {@code @JsonProperty(required = true)}: standard Jackson metadata that the runtime's reader
 * enforces, so that a body missing a required field is schema drift instead of an event full of nulls.
 */
final class RequiredPropertyRule extends RequiredArrayRule {

    private static final String JSON_PROPERTY = "com.fasterxml.jackson.annotation.JsonProperty";

    private final RuleFactory ruleFactory;

    RequiredPropertyRule(RuleFactory ruleFactory) {
        super(ruleFactory);
        this.ruleFactory = ruleFactory;
    }

    @Override
    public JDefinedClass apply(String nodeName, JsonNode node, JsonNode parent, JDefinedClass jclass, Schema schema) {
        super.apply(nodeName, node, parent, jclass, schema);
        JsonNode properties = schema.getContent().path("properties");
        for (JsonNode required : node) {
            JsonNode property = properties.get(required.asText());
            String fieldName = ruleFactory.getNameHelper().getPropertyName(required.asText(), property);
            JFieldVar field = jclass.fields().get(fieldName);
            if (field == null) {
                continue;
            }
            // Jackson takes the marker from the setter first, then the field, then the getter: mark all three
            String getter = ruleFactory.getNameHelper().getGetterName(fieldName, field.type(), node);
            String setter = ruleFactory.getNameHelper().getSetterName(fieldName, node);
            markRequired(field.annotations());
            for (JMethod method : jclass.methods()) {
                if (method.name().equals(getter) || method.name().equals(setter)) {
                    markRequired(method.annotations());
                }
            }
        }
        return jclass;
    }

    private static void markRequired(Collection<JAnnotationUse> annotations) {
        for (JAnnotationUse annotation : annotations) {
            if (annotation.getAnnotationClass().fullName().equals(JSON_PROPERTY)) {
                annotation.param("required", true);
            }
        }
    }
}
