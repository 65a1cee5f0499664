package dev.hookgen.generator.cli;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Commands printed for a person to copy into a POSIX shell. */
public final class Shell {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_.,:/=@+%-]+");

    private Shell() {}

    /** {@code words} as one command line, each word quoted when the shell would change it ({@code message_*}). */
    public static String command(List<String> words) {
        return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
    }

    /** {@code word} as the shell reads it back unchanged: as it is, or in single quotes. */
    public static String quote(String word) {
        return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
    }
}
