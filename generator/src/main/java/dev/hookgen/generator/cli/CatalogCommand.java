package dev.hookgen.generator.cli;

import dev.hookgen.generator.docs.EventsCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "catalog", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Renders the events catalog (Markdown): every trigger with its class, description, idempotency key and fields.",
                "With --check, writes nothing and exits 1 when the file differs from what the schemas give."})
final class CatalogCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Option(names = "--out", paramLabel = "FILE", description = "where the catalog goes (default: DIR/EVENTS.md)")
    Path out;

    @Option(names = "--check", description = "compare instead of writing: exit 1 when the file is missing or out of date")
    boolean check;

    @Override
    public Integer call() {
        Path file = out != null ? out : options.schemas.resolve("EVENTS.md");
        String rendered = EventsCatalog.render(options.catalog());
        String current = null;
        try {
            if (Files.isRegularFile(file)) {
                current = Files.readString(file, StandardCharsets.UTF_8);
            }
            if (check) {
                if (!rendered.equals(current)) {
                    spec.commandLine().getErr().println("hookgen: " + file + " is " + (current == null ? "missing" : "out of date")
                            + ": run " + EventsCatalog.COMMAND);
                    return HookgenCommand.FAILED;
                }
                spec.commandLine().getOut().println("hookgen: " + file + " is up to date");
                return HookgenCommand.OK;
            }
            if (rendered.equals(current)) {
                spec.commandLine().getOut().println("hookgen: " + file + " unchanged");
            } else {
                Files.writeString(file, rendered, StandardCharsets.UTF_8);
                spec.commandLine().getOut().println("hookgen: wrote " + file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot access " + file + ": " + e.getMessage(), e);
        }
        return HookgenCommand.OK;
    }
}
