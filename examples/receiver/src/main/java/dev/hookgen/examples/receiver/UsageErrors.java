package dev.hookgen.examples.receiver;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.OverwrittenOptionException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Option errors that never show a value from the command line or the environment. picocli's own messages quote
 * what was typed: {@code --pasword s3cret} would print {@code Unknown options: '--pasword', 's3cret'}, and a value
 * that fails to convert is quoted too. Here an error names options only: an unknown option by its name (the part
 * before any {@code =}, and only when it looks like an option name), a bad value by its option.
 */
final class UsageErrors {

    private static final Pattern OPTION_NAME = Pattern.compile("--[a-zA-Z][a-zA-Z0-9-]{0,40}|-[a-zA-Z]");

    private UsageErrors() {
    }

    /** An error of ours, whose message names no value. */
    private static final class Safe extends ParameterException {
        private static final long serialVersionUID = 1L;

        Safe(CommandLine commandLine, String message) {
            super(commandLine, message);
        }
    }

    /** A usage error (exit 2) with a message that must not contain any value given to the command. */
    static ParameterException of(CommandSpec spec, String message) {
        return new Safe(spec.commandLine(), message);
    }

    /** picocli's {@code IParameterExceptionHandler}: one line naming the problem, one pointing to {@code --help}; exit 2. */
    static int handle(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        PrintWriter err = commandLine.getErr();
        err.println(message(e));
        err.println("Run with --help to see the options.");
        err.flush();
        return commandLine.getCommandSpec().exitCodeOnInvalidInput();
    }

    static String message(ParameterException e) {
        if (e instanceof Safe) {
            return e.getMessage();
        }
        if (e instanceof UnmatchedArgumentException unmatched) {
            return unmatched(unmatched);
        }
        if (e instanceof MissingParameterException missing) {
            String option = missing.getMissing().isEmpty() ? null : optionName(missing.getMissing().get(0));
            return option == null ? "a required value is missing" : option + " needs a value";
        }
        if (e instanceof OverwrittenOptionException overwritten) {
            String option = optionName(overwritten.getOverwritten());
            return option == null ? "an option was given more than once" : option + " was given more than once";
        }
        String option = optionName(e.getArgSpec());
        return option == null ? "invalid arguments (values are not shown)" : "invalid value for " + option + " (values are not shown)";
    }

    private static String unmatched(UnmatchedArgumentException e) {
        List<String> names = e.getUnmatched().stream()
                .filter(argument -> argument.startsWith("-"))
                .map(argument -> argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument)
                .filter(name -> OPTION_NAME.matcher(name).matches())
                .toList();
        String message;
        if (names.isEmpty()) {
            message = "unexpected argument (not shown): this command takes options only";
        } else {
            message = "unknown option " + String.join(", ", names);
        }
        List<String> suggestions = e.getSuggestions(); // names from the command's own options
        if (suggestions.isEmpty()) {
            return message;
        }
        String last = suggestions.get(suggestions.size() - 1);
        String others = String.join(", ", suggestions.subList(0, suggestions.size() - 1));
        return message + "; did you mean " + (others.isEmpty() ? last : others + " or " + last) + "?";
    }

    private static String optionName(ArgSpec argument) {
        return argument instanceof OptionSpec option ? option.longestName() : null;
    }
}
