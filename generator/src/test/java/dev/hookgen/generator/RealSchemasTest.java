package dev.hookgen.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hookgen.generator.output.GeneratedFiles;
import dev.hookgen.generator.output.OutputWriter;
import dev.hookgen.generator.schema.Names;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The full output for the real schemas ({@code ../schemas}, passed by surefire as {@code hookgen.schemas}):
 * it compiles without a single warning under {@code -Xlint:all}, and it is the same bytes on every run,
 * free of anything that depends on the machine or the day.
 */
class RealSchemasTest {

    static Path schemas() {
        String dir = System.getProperty("hookgen.schemas");
        assertNotNull(dir, "surefire passes -Dhookgen.schemas=<the schemas module>");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    @Test
    void theFullOutputCompilesWithoutAWarning(@TempDir Path temp) throws IOException {
        GeneratedFiles files = Generator.generate(new GeneratorConfig(schemas(), GeneratorConfig.DEFAULT_PACKAGE));
        Set<String> expected = new TreeSet<>();
        try (Stream<Path> triggers = Files.list(schemas().resolve("triggers"))) {
            triggers.map(p -> p.getFileName().toString().replace(".json", ""))
                    .forEach(wire -> expected.add("dev/hookgen/cometchat/" + Names.eventClass(wire) + ".java"));
        }
        assertEquals(expected, files.asMap().keySet().stream()
                .filter(p -> p.matches("dev/hookgen/cometchat/[A-Za-z0-9]+Event\\.java") && !p.endsWith("/WebhookEvent.java")
                        && !p.endsWith("/UnknownEvent.java"))
                .collect(Collectors.toCollection(TreeSet::new)), "one event class per file in triggers/");
        OutputWriter.write(files, temp.resolve("src"));
        JavaCompilation.compile(temp.resolve("src"), temp.resolve("classes")).assertClean();
    }

    @Test
    void generatingTwiceGivesTheSameBytes(@TempDir Path temp) throws IOException {
        // Two copies of the schemas in different folders: nothing of the location may leak into the output.
        Path first = copy(schemas(), temp.resolve("first/schemas"));
        Path second = copy(schemas(), temp.resolve("second/elsewhere"));
        GeneratedFiles one = Generator.generate(new GeneratorConfig(first, GeneratorConfig.DEFAULT_PACKAGE));
        GeneratedFiles two = Generator.generate(new GeneratorConfig(second, GeneratorConfig.DEFAULT_PACKAGE));
        assertEquals(one.asMap().keySet(), two.asMap().keySet());
        for (Map.Entry<String, byte[]> file : one.asMap().entrySet()) {
            assertTrue(Arrays.equals(file.getValue(), two.asMap().get(file.getKey())), file.getKey() + " differs between runs");
        }
        assertEquals(one, two);

        // Written to disk twice, the second write finds every file unchanged.
        OutputWriter.write(one, temp.resolve("out"));
        OutputWriter.Result again = OutputWriter.write(two, temp.resolve("out"));
        assertEquals(new OutputWriter.Result(0, one.size(), List.of()), again);
    }

    @Test
    void theOutputNamesNoPathHostOrDate(@TempDir Path temp) throws IOException {
        Path copy = copy(schemas(), temp.resolve("schemas"));
        GeneratedFiles files = Generator.generate(new GeneratorConfig(copy, GeneratorConfig.DEFAULT_PACKAGE));
        List<String> needles = new ArrayList<>(List.of(
                temp.toString(), schemas().toString(), System.getProperty("user.home"), System.getProperty("java.io.tmpdir")));
        String host = InetAddress.getLocalHost().getHostName();
        Pattern date = Pattern.compile("(19|20)\\d\\d-\\d\\d-\\d\\d|\\b\\d\\d:\\d\\d:\\d\\d\\b");
        Pattern generated = Pattern.compile("@Generated\\(([^)]*)\\)");
        // The output repeats the schemas' descriptions; a host name that is also a word there proves nothing.
        String schemaText = allText(copy);
        for (Map.Entry<String, byte[]> file : files.asMap().entrySet()) {
            String text = new String(file.getValue(), StandardCharsets.UTF_8);
            for (String needle : needles) {
                assertFalse(text.contains(needle), file.getKey() + " contains " + needle);
            }
            assertFalse(word(host).matcher(text).find() && !word(host).matcher(schemaText).find(),
                    file.getKey() + " names the host " + host);
            assertFalse(date.matcher(text).find(), file.getKey() + " contains a date or time");
            Matcher annotation = generated.matcher(text);
            assertTrue(annotation.find(), file.getKey() + " is marked @Generated");
            do {
                assertTrue(annotation.group(1).matches("\"(hookgen|jsonschema2pojo)\""),
                        file.getKey() + ": @Generated(" + annotation.group(1) + ") names only the generator");
            } while (annotation.find());
        }
    }

    @Test
    void theOutputDoesNotDependOnTheUser(@TempDir Path temp) throws IOException {
        Path copy = copy(schemas(), temp.resolve("schemas"));
        GeneratorConfig config = new GeneratorConfig(copy, GeneratorConfig.DEFAULT_PACKAGE);
        GeneratedFiles asUs = Generator.generate(config);
        String user = System.getProperty("user.name");
        String home = System.getProperty("user.home");
        GeneratedFiles asSomeoneElse;
        try {
            System.setProperty("user.name", "hookgen-probe-user");
            System.setProperty("user.home", temp.resolve("hookgen-probe-home").toString());
            asSomeoneElse = Generator.generate(config);
        } finally {
            System.setProperty("user.name", user);
            System.setProperty("user.home", home);
        }
        assertEquals(asUs, asSomeoneElse);
        asSomeoneElse.asMap().forEach((path, bytes) -> assertFalse(
                new String(bytes, StandardCharsets.UTF_8).contains("hookgen-probe"), path + " names the user"));
    }

    private static Pattern word(String text) {
        return Pattern.compile("\\b" + Pattern.quote(text) + "\\b", Pattern.CASE_INSENSITIVE);
    }

    private static String allText(Path schemaDirectory) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(schemaDirectory)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return text.toString();
    }

    private static Path copy(Path from, Path to) throws IOException {
        for (String folder : List.of("definitions", "triggers")) {
            Files.createDirectories(to.resolve(folder));
            try (Stream<Path> files = Files.list(from.resolve(folder))) {
                for (Path file : files.sorted().toList()) {
                    Files.copy(file, to.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        return to;
    }
}
