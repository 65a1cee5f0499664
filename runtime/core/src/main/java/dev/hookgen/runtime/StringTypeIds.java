package dev.hookgen.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.impl.AsPropertyTypeDeserializer;
import com.fasterxml.jackson.databind.jsontype.impl.StdTypeResolverBuilder;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.util.Collection;
import java.util.Locale;

/**
 * Jackson's type resolution for {@code @JsonTypeInfo(include = EXISTING_PROPERTY)}, except that
 * the type id must be a JSON string: Jackson would read {@code "trigger": 5} as the id
 * {@code "5"} and write it back as a string, changing the payload on its way through. A
 * non-string id is a binding failure at its JSON path instead.
 */
public final class StringTypeIds extends StdTypeResolverBuilder {
    /**
     * Jackson instantiates it, as named by {@code @JsonTypeResolver}.
     */
    public StringTypeIds() {
    }

    @Override
    public TypeDeserializer buildTypeDeserializer(DeserializationConfig config, JavaType baseType,
            Collection<NamedType> subtypes) {
        TypeDeserializer standard = super.buildTypeDeserializer(config, baseType, subtypes);
        return standard instanceof AsPropertyTypeDeserializer property ? new Strict(property, null) : standard;
    }

    private static final class Strict extends AsPropertyTypeDeserializer {
        private static final long serialVersionUID = 1L;

        Strict(AsPropertyTypeDeserializer standard, BeanProperty property) {
            super(standard, property);
        }

        @Override
        public TypeDeserializer forProperty(BeanProperty property) {
            return property == _property ? this : new Strict(this, property);
        }

        @Override
        protected Object _deserializeTypedForId(JsonParser p, DeserializationContext context,
                TokenBuffer buffer, String typeId) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                MismatchedInputException e = MismatchedInputException.from(p, _baseType, "must be a string, not " + kind(p.currentToken()));
                e.prependPath(null, _typePropertyName);
                throw e;
            }
            return super._deserializeTypedForId(p, context, buffer, typeId);
        }

        private static String kind(JsonToken token) {
            return switch (token) {
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
                case VALUE_TRUE, VALUE_FALSE -> "boolean";
                default -> token.name().toLowerCase(Locale.ROOT);
            };
        }
    }
}
