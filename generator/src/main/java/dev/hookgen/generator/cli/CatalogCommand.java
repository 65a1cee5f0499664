package dev.hookgen.generator.cli;

import dev.hookgen.generator.docs.CatalogFile;
import dev.hookgen.generator.schema.Catalog;
import dev.hookgen.generator.schema.CatalogReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Renders the events catalog (Markdown): every trigger with its class, description, idempotency key and fields.",
                "With --check, writes nothing and exits 1 when the file differs from what the schemas give."})
final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "where the catalog goes (default: EVENTS.md in the last --schemas folder)")
    Path out;

    @Option(names = "--check", description = "compare instead of writing: exit 1 when the file is missing or out of date")
    boolean check;

    @Override
    public Integer call() {
        if (out == null && Files.isRegularFile(options.own())) {
            throw new ParameterException(spec.commandLine(), "--out is needed when the last --schemas is a jar: " + options.own());
        }
        Path file = out != null ? out : options.own().resolve("EVENTS.md");
        Catalog catalog = options.withConfig(CatalogReader::read);
        if (check) {
            CatalogFile.Status status = CatalogFile.check(catalog, file);
            if (status != CatalogFile.Status.UP_TO_DATE) {
                spec.commandLine().getErr().println("hookgen: " + file + " is "
                        + (status == CatalogFile.Status.MISSING ? "missing" : "out of date") + ": run catalog without --check");
                return HookgenCommand.FAILED;
            }
            spec.commandLine().getOut().println("hookgen: " + file + " is up to date");
            return HookgenCommand.OK;
        }
        CatalogFile.Status status = CatalogFile.write(catalog, file);
        spec.commandLine().getOut().println("hookgen: " + (status == CatalogFile.Status.WRITTEN ? "wrote " + file : file + " unchanged"));
        return HookgenCommand.OK;
    }
}
