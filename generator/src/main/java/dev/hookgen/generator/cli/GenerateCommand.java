package dev.hookgen.generator.cli;

import dev.hookgen.generator.Generator;
import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.output.OutputWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Generates the models and the event API from the schemas.")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "where the Java sources go")
    Path out;

    @Override
    public Integer call() {
        GeneratedFiles files = options.withConfig(Generator::generate);
        OutputWriter.Result result = OutputWriter.write(files, out);
        spec.commandLine().getOut().printf("hookgen: %d files written, %d unchanged, %d removed in %s%n",
                result.written(), result.unchanged(), result.removed().size(), out);
        return HookgenCommand.OK;
    }
}
