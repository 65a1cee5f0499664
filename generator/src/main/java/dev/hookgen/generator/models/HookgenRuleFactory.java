package dev.hookgen.generator.models;

import com.sun.codemodel.JDefinedClass;
import com.sun.codemodel.JPackage;
import com.sun.codemodel.JType;
import dev.hookgen.generator.schema.Catalog;
import org.jsonschema2pojo.Jackson2Annotator;
import org.jsonschema2pojo.NoopRuleLogger;
import org.jsonschema2pojo.SchemaStore;
import org.jsonschema2pojo.rules.Rule;
import org.jsonschema2pojo.rules.RuleFactory;

/**
 * jsonschema2pojo's rules, with the object rule extended for events and unions, and the required rule marking
 * required properties for the runtime.
 */
final class HookgenRuleFactory extends RuleFactory {

    private final Catalog catalog;
    private final ApiTypes api;

    HookgenRuleFactory(ModelGenerationConfig config, Catalog catalog, ApiTypes api) {
        super(config, new Jackson2Annotator(config), new SchemaStore(new CatalogContentResolver(catalog.schemas()), new NoopRuleLogger()));
        this.catalog = catalog;
        this.api = api;
    }

    @Override
    public Rule<JDefinedClass, JDefinedClass> getRequiredArrayRule() {
        return new RequiredPropertyRule(this);
    }

    @Override
    public Rule<JPackage, JType> getObjectRule() {
        return new HookgenObjectRule(this, super.getObjectRule(), catalog, api);
    }
}
