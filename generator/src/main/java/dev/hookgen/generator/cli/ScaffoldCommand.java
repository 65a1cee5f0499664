package dev.hookgen.generator.cli;

import dev.hookgen.generator.scaffold.Scaffold;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "scaffold", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Writes a draft schema for a new trigger from a sample payload, and copies the sample beside the others.",
                "Shared shapes are reused by $ref; everything inferred says \"Inferred from sample: review.\".",
                "With several --schemas (CometChat's published jar, then your folder), the draft is made against all of"
                        + " them and written to the last, a folder, created when missing."})
final class ScaffoldCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    SchemaOptions options;

    @Option(names = "--trigger", required = true, paramLabel = "NAME", description = "the new trigger's wire name, e.g. message_pinned")
    String trigger;

    @Parameters(index = "0", paramLabel = "SAMPLE.json", description = "a payload of the new trigger")
    Path sample;

    @Override
    public Integer call() {
        if (!trigger.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*")) {
            throw new ParameterException(spec.commandLine(), "--trigger must be a lower_snake_case wire name, like message_pinned: " + trigger);
        }
        Path own = options.own();
        if (Files.isRegularFile(own)) {
            throw new ParameterException(spec.commandLine(), "the last --schemas is where scaffold writes: a folder, not a jar: " + own);
        }
        // A folder of one's own that does not exist yet is created; the draft is made against the others.
        List<Path> sources = options.schemas.size() > 1 && !Files.exists(own)
                ? options.schemas.subList(0, options.schemas.size() - 1) : options.schemas;
        Scaffold.Result result = options.withConfig(sources, config -> Scaffold.run(config, own, trigger, sample));

        PrintWriter out = spec.commandLine().getOut();
        out.printf("hookgen: wrote %s and %s; the sample validates against the draft.%n", result.schemaFile(), result.sampleFile());
        out.println("Review before committing:");
        result.draft().notes().forEach(note -> out.println("  - " + note));
        if (!result.selected()) {
            out.println("Note: --include-triggers/--exclude-triggers leave " + trigger + " out: it is generated once they select it.");
        }
        List<String> generate = new ArrayList<>(List.of("java", "-jar", jar(), "generate"));
        generate.addAll(options.asArguments());
        generate.addAll(List.of("--out", "SOURCES_DIR"));
        out.println("Then generate it: " + Shell.command(generate));
        out.println("  (or, where a Maven build runs hookgen:generate on these schemas: mvn install).");
        out.println("It gives " + result.draft().schema().path("javaType").asText()
                + ", a Trigger constant and a WebhookHandler method for " + trigger + ".");
        return HookgenCommand.OK;
    }

    /** How this CLI was started: its jar, relative to the working folder when it is below it. */
    private static String jar() {
        CodeSource source = ScaffoldCommand.class.getProtectionDomain().getCodeSource();
        try {
            Path code = Path.of(source.getLocation().toURI());
            if (Files.isRegularFile(code)) {
                Path here = Path.of("").toAbsolutePath();
                return code.startsWith(here) ? here.relativize(code).toString() : code.toString();
            }
        } catch (URISyntaxException | RuntimeException e) {
            // not a jar on a file system: say the jar's usual name
        }
        return "hookgen.jar";
    }
}
