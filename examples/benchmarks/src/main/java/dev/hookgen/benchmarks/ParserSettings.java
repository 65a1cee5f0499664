package dev.hookgen.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import dev.hookgen.cometchat.WebhookEvent;
import dev.hookgen.runtime.ParseLimits;

/**
 * The settings the runtime's {@code EventReader} applies, one at a time and
 * together, on a reader for {@link WebhookEvent}: what each part of the parsing contract costs, and what
 * Jackson-side tuning could win back.
 */
public enum ParserSettings {
    /** A plain mapper, dispatching on the trigger like hookgen but with Jackson's lenient defaults. */
    plain,
    /** + {@code STRICT_DUPLICATE_DETECTION}: duplicate keys are an error. */
    duplicates,
    /** + {@code StreamReadConstraints}: document size, nesting depth and string length limits. */
    limits,
    /** + no scalar coercion ({@code "1"} is not an int, {@code 1} is not a string). */
    noCoercion,
    /** + {@code USE_BIG_DECIMAL_FOR_FLOATS}, trailing zeroes kept: untyped floats stay exact. */
    bigDecimal,
    /**
     * All of the above: {@code WebhookParser}'s Jackson configuration, with Jackson's duplicate detector where the
     * jar now uses its own key check ({@code StrictUtf8Parser}: package-private, not reachable from here).
     */
    hookgen,
    /** hookgen's configuration with Jackson's Blackbird module (generated accessors instead of reflection). */
    hookgenBlackbird,
    /** hookgen's configuration with field-name interning off (reader tuning). */
    hookgenNoIntern;

    /** A reader for {@link WebhookEvent} with these settings. */
    public ObjectReader reader() {
        return reader(WebhookEvent.class);
    }

    /** A reader for {@code type} with these settings. */
    public ObjectReader reader(Class<?> type) {
        boolean all = this == hookgen || this == hookgenBlackbird || this == hookgenNoIntern;
        ParseLimits limitValues = ParseLimits.defaults();
        JsonFactoryBuilder factory = new JsonFactoryBuilder();
        if (all || this == limits) {
            factory.streamReadConstraints(StreamReadConstraints.builder()
                    .maxDocumentLength(limitValues.maxDocumentBytes())
                    .maxNestingDepth(limitValues.maxNestingDepth())
                    .maxStringLength(limitValues.maxStringLength())
                    .build());
        }
        if (all || this == duplicates) {
            factory.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        }
        if (this == hookgenNoIntern) {
            factory.disable(JsonFactory.Feature.INTERN_FIELD_NAMES);
        }
        JsonMapper.Builder mapper = JsonMapper.builder(factory.build());
        if (all || this == noCoercion) {
            mapper.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .withCoercionConfig(LogicalType.Textual, config -> config
                            .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                            .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
        }
        if (all || this == bigDecimal) {
            mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                    .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
        }
        if (this == hookgenBlackbird) {
            mapper.addModule(new BlackbirdModule());
        }
        return mapper.build().readerFor(type);
    }
}
