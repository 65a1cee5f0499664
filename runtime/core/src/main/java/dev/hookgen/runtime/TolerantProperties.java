package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.SettableAnyProperty;
import com.fasterxml.jackson.databind.deser.SettableBeanProperty;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The second reading of a body whose first, strict reading failed (see {@link DriftPolicy#TOLERATE}): every
 * property the schema does not require, of a bean that keeps unknown fields, tolerates a value of another
 * JSON type. The value is read as it came, recorded in the reading's {@link DriftLog}, and handed to the bean's
 * any-setter under its own name, so that it is written back where it was; the typed property stays null.
 *
 * <p>What is checked is the value's JSON type against the property's Java type: a string for {@code String},
 * an integer that fits for {@code Long}, any number for {@code BigDecimal}, a boolean for {@code Boolean},
 * an array for a list, an object for a map, a bean or a union. A list or map of scalars is read whole first, so
 * that one item of another type keeps the whole list or map raw. Null stays null. A required property is not
 * touched: its failure is the body's.
 */
final class TolerantProperties extends BeanDeserializerModifier {

    private static final long serialVersionUID = 1L;

    @Override
    public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
            BeanDeserializerBuilder builder) {
        SettableAnyProperty keeper = builder.getAnySetter();
        if (keeper == null) {
            return builder; // nowhere to keep a value of another type: it stays an error
        }
        List<SettableBeanProperty> optional = new ArrayList<>();
        builder.getProperties().forEachRemaining(property -> {
            if (!property.isRequired()) {
                optional.add(property);
            }
        });
        for (SettableBeanProperty property : optional) {
            builder.addOrReplaceProperty(new Tolerant(property, keeper, Shape.of(property.getType())), true);
        }
        return builder;
    }

    /** The JSON type a Java type is read from. */
    enum Shape {
        STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean"), ARRAY("array"), OBJECT("object"), ANY("any");

        final String schemaType;

        Shape(String schemaType) {
            this.schemaType = schemaType;
        }

        static Shape of(JavaType type) {
            Class<?> raw = type.getRawClass();
            if (raw == String.class || type.isEnumType()) {
                return STRING;
            }
            if (raw == Long.class || raw == long.class || raw == Integer.class || raw == int.class || raw == BigInteger.class
                    || raw == Short.class || raw == Byte.class) {
                return INTEGER;
            }
            if (raw == BigDecimal.class || raw == Double.class || raw == double.class || raw == Float.class || raw == Number.class) {
                return NUMBER;
            }
            if (raw == Boolean.class || raw == boolean.class) {
                return BOOLEAN;
            }
            if (type.isArrayType() || Collection.class.isAssignableFrom(raw)) {
                return ARRAY;
            }
            if (raw == Object.class || raw == JsonNode.class) {
                return ANY;
            }
            return OBJECT; // a map, a bean, a union, an ObjectNode
        }

        boolean accepts(JsonParser parser) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.VALUE_NULL) {
                return true;
            }
            return switch (this) {
                case STRING -> token == JsonToken.VALUE_STRING;
                case INTEGER -> token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER;
                case NUMBER -> token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT;
                case BOOLEAN -> token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
                case ARRAY -> token == JsonToken.START_ARRAY;
                case OBJECT -> token == JsonToken.START_OBJECT;
                case ANY -> true;
            };
        }

        boolean isScalar() {
            return this == STRING || this == INTEGER || this == NUMBER || this == BOOLEAN;
        }
    }

    private static final class Tolerant extends SettableBeanProperty.Delegating {

        private static final long serialVersionUID = 1L;

        private final SettableAnyProperty keeper;

        private final Shape shape;

        /** For a list or map of scalars: the items' shape, checked by reading the whole value first. */
        private final Shape items;

        Tolerant(SettableBeanProperty property, SettableAnyProperty keeper, Shape shape) {
            super(property);
            this.keeper = keeper;
            this.shape = shape;
            JavaType content = property.getType().getContentType();
            Shape contentShape = content == null ? null : Shape.of(content);
            this.items = (shape == Shape.ARRAY || Map.class.isAssignableFrom(property.getType().getRawClass()))
                    && contentShape != null && contentShape.isScalar() ? contentShape : null;
        }

        @Override
        protected SettableBeanProperty withDelegate(SettableBeanProperty delegate) {
            return new Tolerant(delegate, keeper, shape);
        }

        @Override
        public void deserializeAndSet(JsonParser parser, DeserializationContext context, Object bean) throws IOException {
            if (!shape.accepts(parser)) {
                keep(parser, context, bean, path(parser), shape.schemaType, context.readTree(parser));
            } else if (items != null && !parser.hasToken(JsonToken.VALUE_NULL)) {
                String path = path(parser);
                JsonNode whole = context.readTree(parser);
                Object value;
                try {
                    value = context.readTreeAsValue(whole, getType());
                } catch (MismatchedInputException item) {
                    keep(parser, context, bean, path + JsonPaths.of(item.getPath()).substring(1), items.schemaType, whole);
                    return;
                }
                delegate.set(bean, value);
            } else {
                delegate.deserializeAndSet(parser, context, bean);
            }
        }

        @Override
        public Object deserializeSetAndReturn(JsonParser parser, DeserializationContext context, Object bean) throws IOException {
            deserializeAndSet(parser, context, bean);
            return bean;
        }

        /** The path of the value the parser is at: at the start of an object or array, the parser is already inside. */
        private static String path(JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            return JsonPaths.of(parser.currentToken().isStructStart() ? context.getParent() : context);
        }

        private void keep(JsonParser parser, DeserializationContext context, Object bean, String path, String expected,
                JsonNode value) throws IOException {
            DriftLog.of(context).add(new SchemaDrift(path, expected, value));
            keeper.set(bean, getName(), value);
        }
    }
}
