package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Enforces {@code @JsonProperty(required = true)} on every bean, which Jackson 2 checks only for creator
 * parameters, and an event's {@link Requires}: after a bean is bound, each required property must hold a value.
 * The generator marks the properties a schema's {@code required} array names, and lists on each event class what
 * its trigger alone requires; a missing or null one fails the binding with a {@link Missing} at its path.
 */
final class RequiredProperties extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
            JsonDeserializer<?> deserializer) {
        List<Path> paths = new ArrayList<>();
        for (BeanPropertyDefinition property : description.findProperties()) {
            if (property.isRequired() && accessor(config, property) != null) {
                paths.add(new Path(new String[] {property.getName()}, new AnnotatedMember[] {accessor(config, property)}));
            }
        }
        Requires requires = description.getClassAnnotations().get(Requires.class);
        if (requires != null) {
            for (String pointer : requires.value()) {
                paths.add(Path.resolve(config, description, pointer));
            }
        }
        return paths.isEmpty() ? deserializer : new Checked(deserializer, paths.toArray(Path[]::new));
    }

    private static AnnotatedMember accessor(DeserializationConfig config, BeanPropertyDefinition property) {
        AnnotatedMember accessor = property.hasField() ? property.getField() : property.getGetter();
        if (accessor != null) {
            accessor.fixAccess(config.isEnabled(MapperFeature.OVERRIDE_PUBLIC_ACCESS_MODIFIERS));
        }
        return accessor;
    }

    /** The properties from a bean down to a required one, and how to read each. */
    private record Path(String[] names, AnnotatedMember[] accessors) {

        /**
         * The path of a JSON Pointer through the beans' properties.
         *
         * @throws IllegalArgumentException if a step names no property of a bean
         */
        static Path resolve(DeserializationConfig config, BeanDescription root, String pointer) {
            List<String> names = new ArrayList<>();
            List<AnnotatedMember> accessors = new ArrayList<>();
            BeanDescription bean = root;
            for (JsonPointer step = JsonPointer.compile(pointer); !step.matches(); step = step.tail()) {
                String name = step.getMatchingProperty();
                BeanPropertyDefinition property = bean == null ? null : bean.findProperties().stream()
                        .filter(p -> p.getName().equals(name)).findFirst().orElse(null);
                AnnotatedMember accessor = property == null ? null : accessor(config, property);
                if (accessor == null) {
                    throw new IllegalArgumentException(root.getBeanClass().getName() + ": @Requires(\"" + pointer
                            + "\") names no property \"" + name + "\"");
                }
                names.add(name);
                accessors.add(accessor);
                bean = config.introspect(property.getPrimaryType());
            }
            return new Path(names.toArray(String[]::new), accessors.toArray(AnnotatedMember[]::new));
        }

        /** The first step of the path that is missing where its object is there, or -1. */
        int missingStep(Object bean) {
            Object value = bean;
            for (int i = 0; i < accessors.length; i++) {
                Object next = accessors[i].getValue(value);
                if (next == null) {
                    return i == accessors.length - 1 ? i : -1; // no object, no requirement on what is in it
                }
                value = next;
            }
            return -1;
        }
    }

    /** A required property without a value: the message is finished by the reader, which can tell missing from null. */
    static final class Missing extends MismatchedInputException {

        private static final long serialVersionUID = 1L;

        Missing(JsonParser parser, Class<?> type) {
            super(parser, "required by the schema", type);
        }
    }

    private static final class Checked extends DelegatingDeserializer {

        private static final long serialVersionUID = 1L;

        private final transient Path[] paths;

        Checked(JsonDeserializer<?> delegate, Path[] paths) {
            super(delegate);
            this.paths = paths;
        }

        @Override
        protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
            return new Checked(delegate, paths);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return check(parser, _delegatee.deserialize(parser, context));
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object deserialize(JsonParser parser, DeserializationContext context, Object into) throws IOException {
            return check(parser, ((JsonDeserializer<Object>) _delegatee).deserialize(parser, context, into));
        }

        private Object check(JsonParser parser, Object bean) throws Missing {
            if (bean == null) {
                return null;
            }
            for (Path path : paths) {
                int missing = path.missingStep(bean);
                if (missing >= 0) {
                    Missing failure = new Missing(parser, bean.getClass());
                    for (int step = missing; step >= 0; step--) {
                        failure.prependPath(bean, path.names()[step]);
                    }
                    throw failure;
                }
            }
            return bean;
        }
    }
}
