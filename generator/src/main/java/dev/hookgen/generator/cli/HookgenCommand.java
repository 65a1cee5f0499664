package dev.hookgen.generator.cli;

import dev.hookgen.generator.scaffold.ScaffoldException;
import dev.hookgen.generator.schema.SchemaException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar hookgen.jar}: the command line. Each subcommand only turns its options into a
 * call of the generator's API; none holds logic of its own.
 */
@Command(
        name = "hookgen",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Generates typed Java for CometChat webhooks from JSON Schemas.",
        subcommands = {GenerateCommand.class, ValidateCommand.class, ListCommand.class, ScaffoldCommand.class,
                CatalogCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:the work failed (a bad schema, an invalid payload, an existing trigger, an out-of-date catalog)", "2:bad usage"})
public final class HookgenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: generate, validate, list, scaffold or catalog");
    }

    /** The command line with hookgen's error handling: a bad schema prints its message and exits 1. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new HookgenCommand());
        line.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            if (e instanceof SchemaException || e instanceof ScaffoldException || e instanceof java.io.UncheckedIOException) {
                cmd.getErr().println("hookgen: " + e.getMessage());
                return FAILED;
            }
            throw e;
        });
        return line;
    }

    /**
     * The CLI logs nothing through SLF4J (networknt's validator uses it): it picks slf4j-api's own no-op
     * provider and silences SLF4J's report of that choice, instead of SLF4J's "no providers" warning on
     * every command. A provider named with -Dslf4j.provider still wins.
     */
    public static void main(String[] args) {
        if (System.getProperty("slf4j.provider") == null) {
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "ERROR");
        }
        System.exit(commandLine().execute(args));
    }
}
