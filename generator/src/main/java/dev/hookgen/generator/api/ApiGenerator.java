package dev.hookgen.generator.api;

import com.palantir.javapoet.JavaFile;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.UnionSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Emits the event API through JavaPoet: what varies with the catalog (the sealed hierarchy, the trigger enum,
 * the handler and dispatcher, the unions) and the thin classes that bind it to {@code hookgen-runtime}.
 */
public final class ApiGenerator {

    private ApiGenerator() {}

    public static List<JavaFile> emit(Catalog catalog, ApiNames names) {
        List<JavaFile> files = new ArrayList<>(List.of(
                WebhookEventEmitter.emit(catalog, names),
                UnknownEventEmitter.emit(names),
                TriggerEmitter.emit(catalog, names),
                HandlerEmitter.emit(catalog, names),
                DispatcherEmitter.emit(names),
                WebhookParserEmitter.emit(names),
                WebhookEventsEmitter.emit(names)));
        for (UnionSpec union : catalog.unions()) {
            files.add(UnionEmitter.emit(union, names));
        }
        return files;
    }

    public static GeneratedFiles generate(Catalog catalog, ApiNames names) {
        GeneratedFiles out = new GeneratedFiles();
        for (JavaFile file : emit(catalog, names)) {
            String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
            out.add(path, file.toString());
        }
        return out;
    }
}
