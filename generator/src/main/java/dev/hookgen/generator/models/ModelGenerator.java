package dev.hookgen.generator.models;

import com.sun.codemodel.CodeWriter;
import com.sun.codemodel.JCodeModel;
import com.sun.codemodel.JPackage;
import dev.hookgen.generator.api.ApiNames;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.Names;
import dev.hookgen.generator.schema.SchemaFile;
import dev.hookgen.generator.schema.TriggerSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.util.ArrayList;
import java.util.List;
import org.jsonschema2pojo.SchemaGenerator;
import org.jsonschema2pojo.SchemaMapper;

/**
 * Emits the model classes and the event classes through jsonschema2pojo: one rule factory, one
 * schema store and one code model for the whole run, the definitions the triggers reach first, each
 * folder in name order. jsonschema2pojo reads the catalog's documents, whose classes are placed in the
 * configured packages, not the files on disk.
 */
public final class ModelGenerator {

    private ModelGenerator() {}

    public static GeneratedFiles generate(Catalog catalog, ApiNames names) {
        ModelGenerationConfig config = new ModelGenerationConfig();
        JCodeModel codeModel = new JCodeModel();
        ApiTypes api = new ApiTypes(codeModel, names);
        SchemaMapper mapper = new SchemaMapper(new HookgenRuleFactory(config, catalog, api), new SchemaGenerator());

        for (SchemaFile definition : catalog.definitions()) {
            if ("object".equals(definition.root().path("type").asText())) {
                mapper.generate(codeModel, classNameOf(definition), catalog.modelPackage(), url(definition));
            }
        }
        for (TriggerSpec trigger : catalog.triggers()) {
            SchemaFile file = catalog.schemas().file(trigger.schemaFile());
            mapper.generate(codeModel, Names.eventClass(trigger.wireName()), names.apiPackage(), url(file));
        }
        return build(codeModel);
    }

    private static String classNameOf(SchemaFile file) {
        String base = file.name().substring(file.name().lastIndexOf('/') + 1).replace(".json", "");
        return Names.pascal(base.replace('-', '_'));
    }

    private static java.net.URL url(SchemaFile file) {
        try {
            return file.uri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(file.path().toString(), e);
        }
    }

    private static GeneratedFiles build(JCodeModel codeModel) {
        GeneratedFiles files = new GeneratedFiles();
        List<Runnable> pending = new ArrayList<>();
        CodeWriter writer = new CodeWriter() {
            {
                encoding = "UTF-8";
            }

            @Override
            public OutputStream openBinary(JPackage pkg, String fileName) {
                String dir = pkg.isUnnamed() ? "" : pkg.name().replace('.', '/') + "/";
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                pending.add(() -> files.add(dir + fileName, out.toByteArray()));
                return out;
            }

            /** Called once for sources and once for resources: collect each file once. */
            @Override
            public void close() {
                pending.forEach(Runnable::run);
                pending.clear();
            }
        };
        try {
            codeModel.build(writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
