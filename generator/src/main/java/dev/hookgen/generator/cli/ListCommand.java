package dev.hookgen.generator.cli;

import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import dev.hookgen.generator.schema.TriggerSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Lists each trigger of the schemas with its event class.")
final class ListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Override
    public Integer call() {
        Catalog catalog = options.withConfig(CatalogReader::read);
        PrintWriter out = spec.commandLine().getOut();
        int width = catalog.triggers().stream().mapToInt(t -> t.wireName().length()).max().orElse(0);
        for (TriggerSpec trigger : catalog.triggers()) {
            out.printf("%-" + width + "s  %s%n", trigger.wireName(), trigger.eventClass());
        }
        out.printf("%d triggers%n", catalog.triggers().size());
        return HookgenCommand.OK;
    }
}
