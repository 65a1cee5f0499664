package dev.hookgen.generator.cli;

import dev.hookgen.generator.validate.PayloadValidator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
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

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "payload files")
    List<Path> files;

    @Override
    public Integer call() {
        PayloadValidator validator = new PayloadValidator(options.catalog());
        PrintWriter out = spec.commandLine().getOut();
        int invalid = 0;
        for (Path file : files) {
            List<String> problems;
            try {
                problems = validator.validate(Files.readAllBytes(file));
            } catch (IOException e) {
                problems = List.of("cannot read: " + e.getMessage());
            }
            if (problems.isEmpty()) {
                out.println(file + ": valid");
            } else {
                invalid++;
                problems.forEach(problem -> out.println(file + ": " + problem));
            }
        }
        out.printf("%d valid, %d invalid%n", files.size() - invalid, invalid);
        return invalid == 0 ? HookgenCommand.OK : HookgenCommand.FAILED;
    }
}
