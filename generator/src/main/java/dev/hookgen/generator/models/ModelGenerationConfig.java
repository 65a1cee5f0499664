package dev.hookgen.generator.models;

import org.jsonschema2pojo.AnnotationStyle;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.InclusionLevel;
import org.jsonschema2pojo.SourceType;

/**
 * jsonschema2pojo's settings for hookgen: Java 17, 64-bit integers, unknown fields kept,
 * nothing emitted that would change a payload on its way back out.
 */
final class ModelGenerationConfig extends DefaultGenerationConfig {

    @Override
    public String getTargetVersion() {
        return "17";
    }

    @Override
    public SourceType getSourceType() {
        return SourceType.JSONSCHEMA;
    }

    @Override
    public AnnotationStyle getAnnotationStyle() {
        return AnnotationStyle.JACKSON2;
    }

    /** Epoch milliseconds such as 1696935103114 do not fit an int. */
    @Override
    public boolean isUseLongIntegers() {
        return true;
    }

    /** Decimals keep every digit they arrived with. */
    @Override
    public boolean isUseBigDecimals() {
        return true;
    }

    /** Fields the schemas do not model are kept, and written back. */
    @Override
    public boolean isIncludeAdditionalProperties() {
        return true;
    }

    /** An absent array must stay absent on the way back out, not become {@code []}. */
    @Override
    public boolean isInitializeCollections() {
        return false;
    }

    @Override
    public InclusionLevel getInclusionLevel() {
        return InclusionLevel.NON_NULL;
    }

    @Override
    public boolean isIncludeGeneratedAnnotation() {
        return true;
    }

    @Override
    public boolean isIncludeJsr303Annotations() {
        return false;
    }

    @Override
    public boolean isIncludeHashcodeAndEquals() {
        return true;
    }

    @Override
    public boolean isIncludeToString() {
        return true;
    }

    @Override
    public boolean isIncludeDynamicAccessors() {
        return false;
    }

    /** Only {@code /} separates the segments of a {@code $ref} fragment: property names may contain dots. */
    @Override
    public String getRefFragmentPathDelimiters() {
        return "#/";
    }
}
