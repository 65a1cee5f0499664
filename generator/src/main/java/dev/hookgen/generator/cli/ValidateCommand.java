package dev.hookgen.generator.cli;

import dev.hookgen.generator.schema.CatalogReader;
import dev.hookgen.generator.validate.PayloadValidator;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Checks payloads against their trigger's schema. Exit 0 when all are valid, 1 when some are not.")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "payload files, or folders of them")
    List<Path> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PayloadValidator.FileResult> results =
                options.withConfig(config -> new PayloadValidator(CatalogReader.read(config)).validateFiles(files));
        long invalid = results.stream().filter(r -> !r.valid()).count();
        for (PayloadValidator.FileResult result : results) {
            if (result.valid()) {
                out.println(result.file() + ": valid");
            } else {
                result.problems().forEach(problem -> out.println(result.file() + ": " + problem));
            }
        }
        out.printf("%d valid, %d invalid%n", results.size() - invalid, invalid);
        return invalid == 0 ? HookgenCommand.OK : HookgenCommand.FAILED;
    }
}
